namespace Screenplay.Web.Data;

/// <summary>
/// A point of a script's history: the full text at <see cref="Version"/> of the edit log, written after a pause in
/// editing, every N updates, on a restore or when a draft is named. Besides being a timeline entry it is a
/// snapshot that is never trimmed, so opening an old point replays at most N updates. The summary says who changed
/// what since the previous checkpoint.
/// </summary>
public sealed class ScriptCheckpoint
{
    public long Id { get; set; }
    public Guid ScriptId { get; set; }
    public int Version { get; set; }

    /// <summary>When the last update it includes was made.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>"start", "pause", "every", "draft", "restore".</summary>
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>Users whose updates lie between the previous checkpoint and this one.</summary>
    public List<string> AuthorIds { get; set; } = [];

    /// <summary>Headings of the scenes added, removed, changed or moved since the previous checkpoint.</summary>
    public List<string> ScenesTouched { get; set; } = [];
    public int WordsAdded { get; set; }
    public int WordsRemoved { get; set; }
}

/// <summary>
/// A named draft ("First Draft", "Blue Revision"): a version of the log with its revision colour and date. One draft
/// per script can be the locked baseline that later PDFs mark their changes against.
/// </summary>
public sealed class ScriptDraft
{
    public long Id { get; set; }
    public Guid ScriptId { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Index in the revision colour sequence (0 White, 1 Blue, ... 9 Double White).</summary>
    public int ColorIndex { get; set; }
    public DateOnly Date { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set on the draft locked as the production baseline (at most one per script).</summary>
    public DateTimeOffset? LockedAt { get; set; }

    /// <summary>
    /// Its pages when it was locked: where each page's text ended in its source (Fountain's <c>LockedPages.Ends</c>).
    /// Kept, not recomputed, so a later change to the paginator cannot move a locked page. Null until locked.
    /// </summary>
    public List<int>? LockedPageEnds { get; set; }
}

/// <summary>A script's locked scene numbers, in script order, omitted ones included (see Fountain's SceneNumbering).</summary>
public sealed class SceneNumberLock
{
    public Guid ScriptId { get; set; }
    public List<string> Numbers { get; set; } = [];
    public DateTimeOffset LockedAt { get; set; }
    public string? LockedById { get; set; }
}
