using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Screenplay.Pdf.Tests;

/// <summary>A printed line read back from a PDF page: its text, where its first letter starts and its last one ends (points from the left edge).</summary>
internal sealed record PrintedLine(string Text, double Left, double Right, double Baseline, IReadOnlyList<Letter> Letters);

internal static class PdfReadBack
{
    /// <summary>Groups a page's upright letters into lines by baseline, top to bottom (rotated watermark letters are left out).</summary>
    public static List<PrintedLine> Lines(Page page) =>
        page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var letters = g.OrderBy(l => l.StartBaseLine.X).ToList();
                var text = string.Concat(letters.Select(l => l.Value)).Trim();
                var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
                return new PrintedLine(text, visible[0].StartBaseLine.X, visible[^1].EndBaseLine.X, g.Key, letters);
            })
            .ToList();

    /// <summary>The single line whose text is exactly <paramref name="text"/> (after trimming).</summary>
    public static PrintedLine Line(Page page, string text) => Assert.Single(Lines(page), l => l.Text == text);
}
