using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// A screenplay laid out on pages. Every printable thing (text, page numbers, scene numbers, revision marks, the
/// header label) is a <see cref="LayoutLine"/> with its position, so a renderer (PDF, HTML preview) only draws
/// lines and never decides layout itself: the preview and the PDF agree page for page.
/// </summary>
public sealed record PaginatedScript(
    PageLayout Layout,
    Paper Paper,
    Page? TitlePage,
    ImmutableArray<Page> Pages,
    ImmutableArray<ScenePages> Scenes)
{
    /// <summary>The title page's <c>Title</c> value, markup removed, lines joined with spaces; null when none.</summary>
    public string? Title { get; init; }

    /// <summary>The title page's <c>Author</c>/<c>Authors</c> value, markup removed; null when none.</summary>
    public string? Author { get; init; }
}

/// <summary>Paper size in points (1/72 in) and the type used on it (Courier 12 pt: 10 characters per inch, 6 lines per inch).</summary>
public sealed record Paper(PaperSize Size, double Width, double Height)
{
    public const double FontSize = 12;
    public const double LineHeight = 12;
    public const double CharWidth = 7.2;

    /// <summary>The paper the paginator uses for a size (for renderers that lay out their own pages, e.g. a notes report).</summary>
    public static Paper Of(PaperSize size) => Formats.PaperOf(size);

    /// <summary>Body rows between the 1 in top and bottom margins (Letter 54, A4 58); the first is row 6.</summary>
    public int BodyRows => Formats.BodyRows(this);
}

/// <summary>
/// One printed page. <see cref="Number"/> counts body pages from 1 in print order; the title page has number 0.
/// <see cref="PrintedNumber"/> is what the page is numbered: the same as <see cref="Number"/>, except with locked
/// pages (<see cref="PageLayout.LockedPages"/>), where it may read "12A" or "12-13".
/// </summary>
public sealed record Page(int Number, ImmutableArray<LayoutLine> Lines)
{
    public string PrintedNumber { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The page number as printed at the top right ("2.", "12A."), or null (title page, page 1).</summary>
    public string? Label => Number == 0 ? null : LabelOf(PrintedNumber);

    internal static string? LabelOf(string printedNumber) => printedNumber is "0" or "1" ? null : printedNumber + ".";
}

/// <summary>
/// One line of text at a position. <see cref="X"/> is the left edge of the text in points from the paper's left edge;
/// <see cref="Row"/> counts 1/6-inch lines from the paper's top edge, so the line's box starts at <see cref="Y"/>.
/// Right-aligned and centered lines already have their <see cref="X"/> computed (the font is monospaced:
/// a character is <see cref="Paper.CharWidth"/> wide, a CJK ideograph two characters).
/// </summary>
public sealed record LayoutLine(LineKind Kind, double X, int Row, ImmutableArray<TextRun> Runs)
{
    /// <summary>Top of the line box in points from the paper's top edge.</summary>
    public double Y => Row * Paper.LineHeight;

    /// <summary>Index in <see cref="Document.Elements"/> of the element this line prints; -1 for page furniture.</summary>
    public int ElementIndex { get; init; } = -1;

    /// <summary>Where the printed text comes from in the source (an empty range for added text like "(MORE)").</summary>
    public int SourceStart { get; init; }

    public int SourceLength { get; init; }

    /// <summary>On scene heading lines: the scene number (written or ordinal), whether or not the layout prints it.</summary>
    public string? SceneNumber { get; init; }

    /// <summary>True when a revised source range touches this line (a <see cref="LineKind.RevisionMark"/> sits beside it).</summary>
    public bool Revised { get; init; }

    /// <summary>Which column of dual dialogue the line belongs to.</summary>
    public DualSide Dual { get; init; }

    public string Text => Runs.Length == 1 ? Runs[0].Text : string.Concat(Runs.Select(r => r.Text));

    /// <summary>Printed width in character cells (CJK ideographs count two).</summary>
    public int Columns => Runs.Sum(r => TextColumns.Of(r.Text));
}

public enum LineKind
{
    SceneHeading,
    Action,
    Character,
    Parenthetical,
    Dialogue,
    Transition,
    Centered,
    Lyrics,

    /// <summary>"(MORE)" under dialogue that continues on the next page.</summary>
    More,
    PageNumber,
    SceneNumber,
    RevisionMark,
    HeaderLabel,
    TitlePage,

    /// <summary>The "NOTES" heading of a scene's notes block (<see cref="PageLayout.SceneNotes"/>).</summary>
    NoteHeading,

    /// <summary>A line of a note in a scene's notes block; renderers draw a box around a page's run of note lines.</summary>
    Note,
}

public enum DualSide
{
    None,
    Left,
    Right,
}

/// <summary>The pages a scene of <see cref="Document.Scenes"/> is printed on (1-based, inclusive).</summary>
public sealed record ScenePages(int SceneIndex, string Heading, string? SceneNumber, int FirstPage, int LastPage);
