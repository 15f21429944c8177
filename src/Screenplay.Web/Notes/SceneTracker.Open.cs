using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Notes;

// Starting a script's scene identity from what is stored.
internal sealed partial class SceneTracker
{
    /// <summary>
    /// The tracker for a session opened from <paramref name="snapshotText"/> at <paramref name="snapshotVersion"/> and
    /// now at <paramref name="sessionVersion"/>. The stored scenes describe the text at the newest version any of
    /// them was written at: the text there is rebuilt from the snapshot and the log, ids are matched to its scenes by
    /// order, and the updates since then are followed as if they were arriving now (the same deterministic ids an
    /// instance that saw them live gave). A script without scene rows gets them now. Pinned passages are mapped from
    /// the version they were stored at through the log.
    /// </summary>
    public static async Task<SceneTracker> OpenAsync(Guid scriptId, string snapshotText, int snapshotVersion, int sessionVersion,
        IScriptUpdateLog log, IDbContextFactory<ScreenplayDbContext> dbFactory, Func<DocumentSnapshot> currentText,
        ILogger logger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        List<ScriptScene> alive, gone;
        List<(Guid Id, int From, int To, int Version)> storedPins;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            alive = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal != null)
                .OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
            gone = await db.Scenes.AsNoTracking().Where(s => s.ScriptId == scriptId && s.Ordinal == null)
                .OrderByDescending(s => s.Version).ThenBy(s => s.Id).Take(SceneIdentity.VanishedCapacity).ToListAsync(cancellationToken);
            gone.Reverse();
            storedPins = (await db.Notes.AsNoTracking()
                    .Where(n => n.ScriptId == scriptId && n.ParentId == null && n.PassageFrom != null && n.PassageTo != null)
                    .Select(n => new { n.Id, n.PassageFrom, n.PassageTo, n.PassageVersion })
                    .ToListAsync(cancellationToken))
                .Select(n => (n.Id, n.PassageFrom!.Value, n.PassageTo!.Value, n.PassageVersion ?? sessionVersion)).ToList();
        }

        var stored = alive.Concat(gone).Select(s => s.Version).DefaultIfEmpty(-1).Max();
        var start = alive.Count == 0 && gone.Count == 0 ? sessionVersion : Math.Clamp(stored, snapshotVersion, sessionVersion);
        var readFrom = Math.Min(snapshotVersion, storedPins.Select(p => p.Version).Where(v => v >= 0).DefaultIfEmpty(snapshotVersion).Min());
        var updates = await log.ReadAsync(scriptId, readFrom, sessionVersion, cancellationToken);

        // The text at the version the stored scenes describe.
        var buffer = new TextBuffer(snapshotText);
        foreach (var update in updates)
        {
            if (update.Version >= snapshotVersion && update.Version < start) update.Update.Changes.ApplyTo(buffer);
        }

        var document = FountainText.Parse(buffer.ToString());
        var vanished = gone.Select(s => new VanishedScene(s.Id, s.Heading, s.VanishedText ?? "")).ToList();
        SceneIdentity identity;
        var lost = new List<VanishedScene>();
        var fresh = alive.Count != document.Scenes.Length;
        if (!fresh)
        {
            identity = SceneIdentity.Start(document, [.. alive.Select(s => s.Id)], vanished: vanished);
        }
        else
        {
            // No rows yet (a script never opened since notes came), or rows that do not fit the text (written by a
            // version of the app that lost track): keep the ids whose headings still match, in order.
            identity = Reconcile(scriptId, start, [.. alive.Select(s => (s.Id, s.Heading))], vanished, document, out lost);
        }

        var tracker = new SceneTracker(scriptId, identity, start, dbFactory, currentText, logger, time);
        lock (tracker.gate)
        {
            foreach (var scene in lost)
            {
                tracker.vanishedToWrite[scene.Id] = scene;
                tracker.dirtyScenes.Add(scene.Id);
            }

            if (fresh) tracker.dirtyScenes.UnionWith(identity.Ids);
            var before = tracker.identity;
            List<Guid> ignored = [];
            foreach (var update in updates.Where(u => u.Version >= start)) tracker.Apply(update.Update.Changes, ignored, ignored, ignored);
            tracker.MarkMovedOrRetitled(before, tracker.identity);

            // Passages: each from its own version to now, through the same log.
            foreach (var (id, from, to, at) in storedPins)
            {
                PassagePin? pin = from < to ? new PassagePin(from, to) : null;
                foreach (var update in updates)
                {
                    if (update.Version >= at) pin = pin?.Map(update.Update.Changes);
                }

                if (pin is { } kept) tracker.pins[id] = kept;
                if (pin is null || at != sessionVersion) tracker.dirtyPins.Add(id);
            }

            // So that a passage chosen in a version a little older than this one can still be placed.
            tracker.recent.Clear();
            foreach (var update in updates.TakeLast(RecentCapacity)) tracker.recent.Enqueue(update.Update.Changes.Desc);
            if (tracker.version != sessionVersion)
                throw new InvalidDataException($"Script {scriptId}: the log ends at {tracker.version}, the session is at {sessionVersion}.");
        }

        await tracker.SaveAsync(allPins: false, cancellationToken);
        return tracker;
    }

    /// <summary>
    /// Ids for <paramref name="document"/>'s scenes from scenes known by heading only: each known scene, in order, goes
    /// to the next scene with the same heading (case and spacing aside); scenes left over get new ids, known scenes left
    /// over vanish.
    /// </summary>
    private static SceneIdentity Reconcile(Guid scriptId, int version, IReadOnlyList<(Guid Id, string Heading)> known,
        IEnumerable<VanishedScene> vanished, Document document, out List<VanishedScene> lost)
    {
        var ids = new Guid[document.Scenes.Length];
        var used = new bool[known.Count];
        var next = 0;
        for (var n = 0; n < ids.Length; n++)
        {
            var heading = Key(document.Scenes[n].Heading);
            for (var k = next; k < known.Count; k++)
            {
                if (Key(known[k].Heading) != heading) continue;
                ids[n] = known[k].Id;
                used[k] = true;
                next = k + 1;
                break;
            }

            // Negative indexes: never the same as the ids an update creates (SceneIds.Generator counts from 0).
            if (ids[n] == Guid.Empty) ids[n] = SceneIds.For(scriptId, version, -1 - n);
        }

        lost = [.. known.Where((_, k) => !used[k]).Select(s => new VanishedScene(s.Id, s.Heading, ""))];
        return SceneIdentity.Start(document, ids, vanished: vanished.Concat(lost));
    }

    private static string Key(string heading) =>
        string.Join(' ', heading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
