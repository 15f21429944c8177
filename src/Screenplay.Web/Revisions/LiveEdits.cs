using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Revisions;

/// <summary>The outcome of a change the server makes to a script (restore, scene numbers): the version it produced, or why not.</summary>
internal sealed record LiveEditResult(bool Done, int Version, string? Error = null);

/// <summary>
/// Changes the server itself makes to a script go through the script's <see cref="DocumentSession"/>, like any
/// writer's push: written to the log first, then broadcast, so every open editor sees them live and the history
/// keeps everything before them.
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
                    ? new LiveEditResult(true, after.Version)
                    : new LiveEditResult(false, after.Version, "the script changed meanwhile");
            });
            if (result.Done || attempt + 1 >= Attempts) return result;
        }
    }
}
