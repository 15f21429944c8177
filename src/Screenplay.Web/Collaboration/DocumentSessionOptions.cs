namespace Screenplay.Web.Collaboration;

/// <summary>Limits of one <see cref="DocumentSession"/>. The defaults suit screenplays typed by people.</summary>
public sealed record DocumentSessionOptions
{
    /// <summary>Recent updates kept in memory to rebase pushes and serve pulls; older ones are read from the log.</summary>
    public int TailCapacity { get; init; } = 1000;

    /// <summary>Pushes based on a version further back than this are refused (the client must pull and rebase itself).</summary>
    public int MaxRebaseDistance { get; init; } = 1000;

    /// <summary>Updates in one push. A client that typed offline for long sends all its edits at once (one update per keystroke or so).</summary>
    public int MaxUpdatesPerPush { get; init; } = 5000;

    /// <summary>Inserted UTF-16 units in one push (a pasted script is about 200,000).</summary>
    public int MaxInsertedPerPush { get; init; } = 1_000_000;

    /// <summary>Length of the document in UTF-16 units.</summary>
    public int MaxDocumentLength { get; init; } = 4_000_000;

    /// <summary>Pushes written to the log in one transaction at most (group commit).</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>A snapshot of the full text is saved whenever the version passes a multiple of this.</summary>
    public int SnapshotEvery { get; init; } = 500;

    /// <summary>Longest accepted client id.</summary>
    public int MaxClientIdLength { get; init; } = 64;
}
