using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Revisions;

/// <summary>
/// The outcome of a whole-text change pushed through a script's session (a plain save, a restore, scene numbers):
/// the version it produced and whether the text changed at all, or why not.
/// </summary>
internal sealed record LiveEditResult(bool Done, int Version, string? Error = null)
{
    /// <summary>False when the text was already the one asked for: nothing was pushed.</summary>
    public bool Changed { get; init; }
}

/// <summary>
/// Whole-text changes (a plain save, a restore, scene numbers) go through the script's <see cref="DocumentSession"/>,
/// like any writer's push: written to the log first, then broadcast, so every open editor sees them live and the
/// history keeps everything before them. The one way to push a whole text: as word-level edits
/// (<see cref="TextPatch"/>), so collaborators' cursors and notes move only where text really changed.
/// </summary>
internal sealed class LiveEdits(ScriptSessions sessions)
{
    private const int Attempts = 3;

    /// <summary>
    /// Replaces the current text by <paramref name="target"/>(current text), as small edits. When another push lands
    /// between reading the text and pushing, the edit is planned again on the newer text.
    /// </summary>
    /// <param name="userId">Who the change is recorded for; null for a change the server makes by itself.</param>
    public async Task<LiveEditResult> ApplyAsync(Guid scriptId, Func<string, string> target, string? userId, string clientPrefix)
    {
        var clientId = $"{clientPrefix}-{Guid.NewGuid():N}"[..Math.Min(40, clientPrefix.Length + 33)];
        for (var attempt = 0; ; attempt++)
        {
            var result = await sessions.UseAsync(scriptId, async session =>
            {
                var snapshot = session.GetSnapshot();
                var goal = target(snapshot.Text);
                if (string.Equals(goal, snapshot.Text, StringComparison.Ordinal))
                {
                    return new LiveEditResult(true, snapshot.Version);
                }

                var changes = TextPatch.ChangeSetBetween(snapshot.Text, goal);
                var push = await session.PushAsync(snapshot.Version, [new CollabUpdate(clientId, changes)], userId);
                if (!push.Accepted)
                {
                    return new LiveEditResult(false, push.Version, push.Error);
                }

                // Someone else's update came first and ours was rebased over it: check the text we meant.
                var after = session.GetSnapshot();
                return after.Version == snapshot.Version + 1 || string.Equals(after.Text, target(after.Text), StringComparison.Ordinal)
                    ? new LiveEditResult(true, after.Version) { Changed = true }
                    : new LiveEditResult(false, after.Version, "the script changed meanwhile");
            });
            if (result.Done || attempt + 1 >= Attempts) return result;
        }
    }
}
