using Microsoft.EntityFrameworkCore;
using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Notes;

/// <summary>
/// Scene identity and note passages for one open script, kept beside its <see cref="DocumentSession"/>: every
/// committed update re-parses the document incrementally, carries the scene ids through it
/// (<see cref="SceneIdentity.Advance"/>, new ids from <see cref="SceneIds"/>) and maps the pinned passages. Only what
/// a person would notice is written to the database, and only after the update itself is durable: scenes created,
/// vanished, revived, renumbered or retitled, at once (before the update is broadcast); pins lazily, with the version
/// they belong to, so after a crash they are mapped forward from the log (<see cref="OpenAsync"/>).
/// </summary>
internal sealed partial class SceneTracker
{
    /// <summary>Changes remembered for mapping a passage chosen in a slightly older version of the text.</summary>
    internal const int RecentCapacity = 200;

    private readonly Guid scriptId;
    private readonly IDbContextFactory<ScreenplayDbContext> dbFactory;
    private readonly Func<DocumentSnapshot> currentText;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim saving = new(1, 1);

    // Everything below is guarded by gate; only the session's commit callback advances it.
    private readonly Lock gate = new();
    private SceneIdentity identity;
    private int version;
    private readonly Dictionary<Guid, PassagePin> pins = [];
    private readonly HashSet<Guid> dirtyPins = [];
    private readonly HashSet<Guid> dirtyScenes = [];
    private readonly Dictionary<Guid, VanishedScene> vanishedToWrite = [];
    private readonly Queue<ChangeDesc> recent = new();
    private int allPinsSavedAt = -1;

    private SceneTracker(Guid scriptId, SceneIdentity identity, int version, IDbContextFactory<ScreenplayDbContext> dbFactory,
        Func<DocumentSnapshot> currentText, ILogger logger, TimeProvider time)
    {
        this.scriptId = scriptId;
        this.identity = identity;
        this.version = version;
        this.dbFactory = dbFactory;
        this.currentText = currentText;
        this.logger = logger;
        this.time = time;
    }

    public Guid ScriptId => scriptId;

    /// <summary>The version the scene ids describe (the session's, once its commit callback has run).</summary>
    public int Version
    {
        get
        {
            lock (gate) return version;
        }
    }

    /// <summary>The scenes of the current text, in order.</summary>
    public IReadOnlyList<SceneHead> Scenes
    {
        get
        {
            lock (gate) return HeadsOf(identity);
        }
    }

    /// <summary>The passage of a note as tracked here (null when it has none, or it was deleted), with the version it is in.</summary>
    public PassageView? PassageOf(Guid noteId)
    {
        lock (gate) return pins.TryGetValue(noteId, out var pin) ? new PassageView(pin.From, pin.To, version) : null;
    }

    /// <summary>
    /// Carries scene ids and passages through updates the session just made durable, writes what changed about the
    /// scenes, and says what changed (null: nothing a person would notice). Never throws: a failure to write is
    /// retried with the next change or the next <see cref="SaveAsync"/>.
    /// </summary>
    public async Task<ScenesEvent?> AdvanceAsync(CommittedUpdates committed)
    {
        ScenesEvent? changed;
        lock (gate)
        {
            var before = identity;
            List<Guid> created = [], vanished = [], revived = [];
            try
            {
                for (var k = 0; k < committed.Updates.Count; k++)
                {
                    var at = committed.FromVersion + k;
                    if (at < version) continue; // already taken in (cannot happen with one commit callback at a time)
                    if (at > version) throw new InvalidOperationException($"scene identity is at version {version}, the update at {at}");
                    Apply(committed.Updates[k].Changes, created, vanished, revived);
                }
            }
            catch (Exception e)
            {
                LogLost(e, scriptId, version);
                Resync();
            }

            MarkMovedOrRetitled(before, identity);
            changed = dirtyScenes.Count == 0 && created.Count == 0 && vanished.Count == 0 && revived.Count == 0
                ? null
                : new ScenesEvent(scriptId, version, HeadsOf(identity), created, vanished, revived);
        }

        if (changed is not null) await SaveAsync(allPins: false, CancellationToken.None);
        return changed;
    }

    /// <summary>
    /// Pins <paramref name="pin"/>, chosen in the text at <paramref name="atVersion"/>, to note <paramref name="noteId"/>
    /// on <paramref name="sceneId"/>: maps it to the current version and checks it lies inside that scene. Returns the
    /// current passage, or why not.
    /// </summary>
    public async Task<(PassageView? Passage, string? Error)> PinAsync(Guid noteId, Guid sceneId, PassagePin pin, int atVersion)
    {
        if (!await ReachAsync(atVersion)) return (null, $"version {atVersion} is newer than the script's");
        lock (gate)
        {
            if (Map(pin, atVersion, out var now) is { } error) return (null, error);
            if (now is not { } kept) return (null, "the passage was deleted meanwhile");
            var scene = identity.Ids.IndexOf(sceneId);
            if (scene < 0) return (null, "the scene is not in the text");
            var (start, end) = RegionOf(identity.Document, scene);
            if (kept.From < start || kept.To > end) return (null, "the passage is not inside the note's scene");
            pins[noteId] = kept;
            dirtyPins.Add(noteId);
            return (new PassageView(kept.From, kept.To, version), null);
        }
    }

    /// <summary>
    /// Starts following a note's passage as stored (<paramref name="stored"/>, in the text at <paramref name="atVersion"/>),
    /// pinned by another app instance or before this session caught up: maps it to the current version like
    /// <see cref="PinAsync"/>, without checking its scene again (it was checked when it was pinned; the text may
    /// have moved a heading into it since). Returns the current passage; null when its text was deleted since; the
    /// stored passage unchanged when this tracker cannot map it (a version out of its reach), for the caller to map.
    /// A note this tracker already follows keeps its own passage.
    /// </summary>
    public async Task<PassageView?> AdoptAsync(Guid noteId, PassagePin stored, int atVersion)
    {
        var unchanged = new PassageView(stored.From, stored.To, atVersion);
        if (PassageOf(noteId) is { } followed) return followed;
        if (!await ReachAsync(atVersion)) return unchanged;
        lock (gate)
        {
            if (pins.TryGetValue(noteId, out var own)) return new PassageView(own.From, own.To, version);
            if (Map(stored, atVersion, out var now) is not null) return unchanged;
            if (now is not { } kept) return null;
            pins[noteId] = kept;
            dirtyPins.Add(noteId);
            return new PassageView(kept.From, kept.To, version);
        }
    }

    /// <summary>
    /// The text the scene ids describe, with its version, its scenes in order and the passages followed here, all
    /// from one moment; first caught up to <paramref name="atLeast"/> (a version another instance wrote scenes at).
    /// </summary>
    public async Task<SceneText> SnapshotAsync(int atLeast)
    {
        await ReachAsync(atLeast);
        lock (gate)
        {
            return new SceneText(identity.Document.Source, version, HeadsOf(identity),
                pins.ToDictionary(p => p.Key, p => new PassageView(p.Value.From, p.Value.To, version)));
        }
    }

    /// <summary>
    /// Waits for this callback-driven state to reach <paramref name="atVersion"/> (an editor, or another instance, may
    /// be a moment ahead; commits take milliseconds); false after five seconds.
    /// </summary>
    private async Task<bool> ReachAsync(int atVersion)
    {
        await CatchUpAsync(atVersion);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (Version < atVersion)
        {
            if (time.GetUtcNow() > deadline) return false;
            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>Maps a passage in the text at <paramref name="atVersion"/> to the current version (null: deleted); says why it cannot. Under <see cref="gate"/>.</summary>
    private string? Map(PassagePin pin, int atVersion, out PassagePin? now)
    {
        now = null;
        var behind = version - atVersion;
        if (behind < 0) return $"version {atVersion} is newer than the script's";
        if (behind > recent.Count) return $"version {atVersion} is too old to place the passage; reload the script";
        var changes = recent.Skip(recent.Count - behind).ToList();
        var length = changes.Count > 0 ? changes[0].Length : identity.Document.Source.Length;
        if (pin.From < 0 || pin.To <= pin.From || pin.To > length) return $"the passage {pin.From}-{pin.To} is not inside the text ({length} characters)";
        PassagePin? mapped = pin;
        foreach (var change in changes) mapped = mapped?.Map(change);
        now = mapped;
        return null;
    }

    /// <summary>Stops tracking a note's passage (its note was not stored after all).</summary>
    public void Unpin(Guid noteId)
    {
        lock (gate)
        {
            pins.Remove(noteId);
            dirtyPins.Remove(noteId);
        }
    }

    /// <summary>
    /// Writes every scene change not yet written and the passages that moved (all of them when
    /// <paramref name="allPins"/>, so stored pins stay close to the log's end and a later open replays little).
    /// </summary>
    public async Task SaveAsync(bool allPins, CancellationToken cancellationToken)
    {
        await saving.WaitAsync(cancellationToken);
        try
        {
            int at;
            List<SceneRow> rows;
            List<PinRow> pinRows;
            Guid[] sceneIds, pinIds;
            lock (gate)
            {
                at = version;
                if (allPins && allPinsSavedAt < version) dirtyPins.UnionWith(pins.Keys);
                if (dirtyScenes.Count == 0 && dirtyPins.Count == 0) return;
                sceneIds = [.. dirtyScenes];
                pinIds = [.. dirtyPins];
                rows = RowsOf(sceneIds);
                pinRows = [.. pinIds.Select(id => pins.TryGetValue(id, out var p) ? new PinRow(id, p.From, p.To) : new PinRow(id, null, null))];
                dirtyScenes.Clear();
                dirtyPins.Clear();
            }

            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await SceneStore.SaveAsync(db, scriptId, at, rows, pinRows, time.GetUtcNow(), cancellationToken);
                lock (gate)
                {
                    foreach (var id in sceneIds) vanishedToWrite.Remove(id);
                    if (allPins) allPinsSavedAt = at;
                }
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    dirtyScenes.UnionWith(sceneIds);
                    dirtyPins.UnionWith(pinIds);
                }

                LogSaveFailed(e, scriptId, at);
                if (e is OperationCanceledException) throw;
            }
        }
        finally
        {
            saving.Release();
        }
    }

    private void Apply(ChangeSet changes, List<Guid> created, List<Guid> vanished, List<Guid> revived)
    {
        var after = version + 1;
        if (!changes.IsEmpty)
        {
            var before = identity;
            var next = Reparse(before.Document, changes);
            var step = before.Advance(changes, next, SceneIds.Generator(scriptId, after));
            identity = step.State;
            foreach (var id in step.Created)
            {
                created.Add(id);
                dirtyScenes.Add(id);
            }

            foreach (var id in step.Revived)
            {
                revived.Add(id);
                vanished.Remove(id);
                vanishedToWrite.Remove(id);
                dirtyScenes.Add(id);
            }

            foreach (var id in step.Vanished)
            {
                vanished.Add(id);
                var index = before.Ids.IndexOf(id);
                var (start, end) = RegionOf(before.Document, index);
                vanishedToWrite[id] = new VanishedScene(id, before.Document.Scenes[index].Heading, before.Document.Source[start..end].TrimEnd());
                dirtyScenes.Add(id);
            }

            MapPins(changes);
        }

        recent.Enqueue(changes.Desc);
        while (recent.Count > RecentCapacity) recent.Dequeue();
        version = after;
    }

    private void MapPins(ChangeDesc change)
    {
        List<(Guid, PassagePin?)>? moved = null;
        foreach (var (id, pin) in pins)
        {
            var mapped = pin.Map(change);
            if (mapped != pin) (moved ??= []).Add((id, mapped));
        }

        if (moved is null) return;
        foreach (var (id, mapped) in moved)
        {
            if (mapped is { } kept) pins[id] = kept;
            else pins.Remove(id); // deleted: the note stays on its scene, without a passage
            dirtyPins.Add(id);
        }
    }

    /// <summary>Marks scenes whose place or heading changed (a scene inserted above renumbers all below it).</summary>
    private void MarkMovedOrRetitled(SceneIdentity before, SceneIdentity after)
    {
        if (ReferenceEquals(before, after)) return;
        for (var n = 0; n < after.Ids.Length; n++)
        {
            var id = after.Ids[n];
            if (n >= before.Ids.Length || before.Ids[n] != id
                || !string.Equals(before.Document.Scenes[n].Heading, after.Document.Scenes[n].Heading, StringComparison.Ordinal))
            {
                dirtyScenes.Add(id);
            }
        }
    }

    /// <summary>After a failure to follow an update: take the session's text as it is and keep the ids whose headings still match.</summary>
    private void Resync()
    {
        var snapshot = currentText();
        var document = FountainText.Parse(snapshot.Text);
        identity = Reconcile(scriptId, snapshot.Version, identity.Ids.Select((id, n) => (id, identity.Document.Scenes[n].Heading)).ToList(),
            identity.Vanished, document, out var lost);
        foreach (var scene in lost)
        {
            vanishedToWrite[scene.Id] = scene;
            dirtyScenes.Add(scene.Id);
        }

        dirtyScenes.UnionWith(identity.Ids);
        pins.Clear(); // positions in a text we could not follow mean nothing; the notes stay on their scenes
        recent.Clear();
        version = snapshot.Version;
    }

    private List<SceneRow> RowsOf(IEnumerable<Guid> ids)
    {
        var alive = new Dictionary<Guid, int>(identity.Ids.Length);
        for (var n = 0; n < identity.Ids.Length; n++) alive[identity.Ids[n]] = n;
        var rows = new List<SceneRow>();
        foreach (var id in ids)
        {
            if (alive.TryGetValue(id, out var n)) rows.Add(new SceneRow(id, n, identity.Document.Scenes[n].Heading, null));
            else if (vanishedToWrite.TryGetValue(id, out var gone)) rows.Add(new SceneRow(id, null, gone.Heading, gone.Text));
        }

        return rows;
    }

    internal static Document Reparse(Document document, ChangeSet changes)
    {
        var count = 0;
        TextChange single = default;
        changes.IterChanges((fromA, toA, _, _, inserted) =>
        {
            count++;
            single = new TextChange(fromA, toA - fromA, inserted);
        });
        return count switch
        {
            0 => document,
            1 => FountainText.Reparse(document, single),
            _ => FountainText.Parse(changes.Apply(document.Source)),
        };
    }

    private static (int Start, int End) RegionOf(Document document, int scene)
    {
        var scenes = document.Scenes;
        var end = scene + 1 < scenes.Length ? scenes[scene + 1].Span.Start : document.Source.Length;
        return (scenes[scene].Span.Start, end);
    }

    private static List<SceneHead> HeadsOf(SceneIdentity identity) =>
        [.. identity.Ids.Select((id, n) => new SceneHead(id, n, identity.Document.Scenes[n].Heading))];

    [LoggerMessage(Level = LogLevel.Error, Message = "Script {ScriptId}: scene identity could not follow the update at version {Version}; resynchronised from the text")]
    private partial void LogLost(Exception exception, Guid scriptId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {ScriptId}: writing scenes and passages at version {Version} failed; will retry")]
    private partial void LogSaveFailed(Exception exception, Guid scriptId, int version);
}
