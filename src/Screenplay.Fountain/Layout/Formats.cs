namespace Screenplay.Fountain.Layout;

/// <summary>
/// Where each kind of paragraph goes, in character cells (0.1 in) from the paper's left edge, and in rows (1/6 in)
/// from its top edge. Values and their sources are listed in docs/screenplay-format.md.
/// </summary>
internal static class Formats
{
    /// <summary>Body text starts 1 in below the top edge; the page number and header label sit at 0.5 in.</summary>
    public const int FirstBodyRow = 6;
    public const int PageNumberRow = 3;

    /// <summary>Right edge of the text column: 1.5 in left margin + 6.0 in of text = 7.5 in.</summary>
    public const int RightEdge = 75;

    public const int PageNumberRightEdge = 75;
    public const int HeaderLabelColumn = 15;

    /// <summary>Left scene number ends at 1.3 in (right-aligned), the right one starts at 7.6 in.</summary>
    public const int SceneNumberLeftEnd = 13;
    public const int SceneNumberRightColumn = 76;

    /// <summary>Revision asterisks at 8.0 in, in the right margin.</summary>
    public const int RevisionMarkColumn = 80;

    /// <summary>Blank lines before an element that follows something on the same page.</summary>
    public const int SpaceBeforeParagraph = 1;

    /// <summary>Fewest lines of a split paragraph (action, dialogue) left on either page.</summary>
    public const int MinLinesEachSide = 2;

    public static readonly Format SceneHeading = new(15, 60);
    public static readonly Format Action = new(15, 60);
    public static readonly Format Character = new(35, 40);
    public static readonly Format Parenthetical = new(30, 25);
    public static readonly Format Dialogue = new(25, 35);
    public static readonly Format Transition = new(15, 60);
    public static readonly Format Centered = new(15, 60);
    public static readonly Format Lyrics = new(25, 35);

    public static readonly DualFormats DualLeft = new(new(23, 20), new(18, 22), new(15, 28));
    public static readonly DualFormats DualRight = new(new(55, 20), new(50, 22), new(47, 28));

    public static Paper PaperOf(PaperSize size) => size switch
    {
        PaperSize.A4 => new Paper(size, 595.28, 841.89),
        _ => new Paper(PaperSize.Letter, 612, 792),
    };

    /// <summary>Body lines per page: the paper height less 1 in top and bottom margins, at 6 lines per inch (Letter 54, A4 58).</summary>
    public static int BodyRows(Paper paper) => (int)Math.Floor((paper.Height / 72.0 - 2.0) * 6.0 + 1e-9);

    public static double X(double column) => column * Paper.CharWidth;
}

/// <summary>A text column: first cell and width in cells.</summary>
internal readonly record struct Format(int Column, int Width);

internal readonly record struct DualFormats(Format Character, Format Parenthetical, Format Dialogue);
