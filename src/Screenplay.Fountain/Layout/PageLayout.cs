using System.Collections.Immutable;

namespace Screenplay.Fountain.Layout;

public enum PaperSize
{
    /// <summary>US Letter, 8.5 × 11 in: the default of the American industry.</summary>
    Letter,

    /// <summary>ISO A4, 210 × 297 mm: same indents, more lines per page.</summary>
    A4,
}

/// <summary>A stretch of source text (UTF-16 offset and length), e.g. a change to mark with revision asterisks.</summary>
public readonly record struct SourceRange(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// What the paginator is asked for. Everything that changes where a line lands is here, so that
/// <see cref="Paginator.Paginate"/> is a pure function of (document, layout).
/// </summary>
public sealed record PageLayout
{
    public static PageLayout Default { get; } = new();

    public PaperSize Paper { get; init; } = PaperSize.Letter;

    /// <summary>Print scene numbers in both margins (the written <c>#n#</c> number, else the scene's ordinal).</summary>
    public bool SceneNumbers { get; init; }

    /// <summary>Source ranges that changed since a baseline: every printed line they touch gets a <c>*</c> in the right margin.</summary>
    public ImmutableArray<SourceRange> Revisions { get; init; } = [];

    /// <summary>
    /// The page breaks of a locked draft, mapped into this text: pages keep their numbers, overflow goes to A-pages
    /// (12A.) and pages whose text was cut are numbered with the page before (12-13.). Null: pages are numbered 1..n.
    /// </summary>
    public LockedPages? LockedPages { get; init; }

    /// <summary>Text printed at the top left of every body page (e.g. "BLUE REVISIONS 3/4/26"); null for none.</summary>
    public string? HeaderLabel { get; init; }

    /// <summary>Lay out the title page from the document's title page entries (when it has any).</summary>
    public bool IncludeTitlePage { get; init; } = true;

    /// <summary>
    /// Notes printed as a boxed "NOTES" list after their scene (by index in the document's scene index), laid out as
    /// part of the page flow so page breaks stay right; empty for none.
    /// </summary>
    public ImmutableArray<SceneNotes> SceneNotes { get; init; } = [];
}
