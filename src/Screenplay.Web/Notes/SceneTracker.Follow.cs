using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Scenes;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Notes;

// Passages pinned elsewhere: on another app instance, or at a version this session had not caught up with yet.
internal sealed partial class SceneTracker : IDisposable
{
    private DocumentSession? session;
    private IDisposable? listening;

    /// <summary>
    /// Ties the tracker to its session (to catch up with updates another instance wrote when a passage is newer than
    /// this state) and to the script's note events (<see cref="FollowAsync"/>), until disposed.
    /// </summary>
    public void Follow(DocumentSession owner, NoteEvents events)
    {
        session = owner;
        listening = events.Subscribe(scriptId, e => e is NoteEvent note ? FollowAsync(note) : Task.CompletedTask);
    }

    public void Dispose() => listening?.Dispose();

    /// <summary>
    /// Keeps the passages followed here in step with notes written anywhere: a thread created with a passage on any
    /// instance is followed from its stored passage; a moved thread's passage is dropped (a move drops it for good).
    /// </summary>
    internal async Task FollowAsync(NoteEvent e)
    {
        if (e.Kind == "moved")
        {
            Unpin(e.ThreadId);
            return;
        }

        if (e.Kind != "created" || PassageOf(e.ThreadId) is not null) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.Notes.AsNoTracking().Where(n => n.Id == e.ThreadId && n.ScriptId == scriptId && n.ParentId == null)
            .Select(n => new { n.PassageFrom, n.PassageTo, n.PassageVersion }).SingleOrDefaultAsync();
        if (stored is { PassageFrom: { } from, PassageTo: { } to, PassageVersion: { } at })
        {
            await AdoptAsync(e.ThreadId, new PassagePin(from, to), at);
        }
    }

    /// <summary>Asks the session to take in updates up to <paramref name="atVersion"/> that another instance wrote.</summary>
    private async Task CatchUpAsync(int atVersion)
    {
        if (session is null || Version >= atVersion) return;
        // An empty push based on a version newer than the session's makes its writer read the log (as a pull does).
        await session.PushAsync(atVersion, []);
    }
}
