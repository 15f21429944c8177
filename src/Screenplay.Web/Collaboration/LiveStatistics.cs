using System.Runtime.CompilerServices;
using Screenplay.Fountain.Statistics;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// The statistics of a script being edited live (pages, scenes, runtime, dialogue share, locations), computed from
/// the authoritative text of its session. Everyone watching a script asks after each pause in the typing; one
/// computation per script version serves them all, and the cache goes with the session when it is unloaded.
/// </summary>
internal sealed class LiveStatistics(ScriptSessions sessions)
{
    private readonly ConditionalWeakTable<DocumentSession, Latest> cache = [];

    /// <summary>
    /// Statistics of the script at <paramref name="atLeastVersion"/> or later (the version the asking editor has
    /// reached; the session catches up from the log first if another instance wrote it).
    /// </summary>
    /// <exception cref="ScriptGoneException">The script does not exist (any more).</exception>
    public Task<VersionedStatistics> ComputeAsync(Guid scriptId, int atLeastVersion) =>
        sessions.UseAsync(scriptId, async session =>
        {
            if (session.Version < atLeastVersion) await session.PullAsync(atLeastVersion);
            var latest = cache.GetValue(session, _ => new Latest());
            Task<VersionedStatistics> computing;
            lock (latest)
            {
                if (latest.Computing is { } known && (!known.IsCompleted || known.IsCompletedSuccessfully) && latest.Version >= session.Version)
                {
                    computing = known;
                }
                else
                {
                    var snapshot = session.GetSnapshot();
                    latest.Version = snapshot.Version;
                    // Parsing and paginating a feature takes tens of milliseconds: off the caller's thread.
                    computing = latest.Computing = Task.Run(() =>
                        new VersionedStatistics(snapshot.Version, ScriptLayout.View(snapshot.Text).Statistics));
                }
            }
            return await computing;
        });

    private sealed class Latest
    {
        public int Version { get; set; } = -1;
        public Task<VersionedStatistics>? Computing { get; set; }
    }
}

/// <summary>Statistics of a script as of <paramref name="Version"/>.</summary>
internal sealed record VersionedStatistics(int Version, ScriptStatistics Statistics);
