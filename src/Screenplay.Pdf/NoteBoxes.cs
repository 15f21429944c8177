using Screenplay.Fountain.Layout;
using SkiaSharp;

namespace Screenplay.Pdf;

/// <summary>
/// Frames each run of consecutive note lines on a page (a scene's "NOTES" block, or its part on this page) with a thin
/// box, so printed notes never read as script text. The box sits in the space the layout left around the block.
/// </summary>
internal static class NoteBoxes
{
    private const float Padding = 4f;

    public static void Paint(SKCanvas canvas, Page page)
    {
        using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, IsStroke = true, StrokeWidth = 0.6f };
        float? left = null;
        float right = 0, top = 0, bottom = 0;
        var lastRow = int.MinValue;
        foreach (var line in page.Lines.Where(l => l.Kind is LineKind.Note or LineKind.NoteHeading).OrderBy(l => l.Row))
        {
            if (left is not null && line.Row != lastRow + 1)
            {
                Draw(canvas, stroke, left.Value, top, right, bottom);
                left = null;
            }

            var x = (float)line.X;
            var end = x + line.Columns * (float)Paper.CharWidth;
            if (left is null)
            {
                left = x;
                right = end;
                top = (float)line.Y;
            }

            left = Math.Min(left.Value, x);
            right = Math.Max(right, end);
            bottom = (float)(line.Y + Paper.LineHeight);
            lastRow = line.Row;
        }

        if (left is not null)
        {
            Draw(canvas, stroke, left.Value, top, right, bottom);
        }
    }

    private static void Draw(SKCanvas canvas, SKPaint stroke, float left, float top, float right, float bottom) =>
        canvas.DrawRect(SKRect.Create(left - Padding, top - Padding / 2, right - left + 2 * Padding, bottom - top + Padding), stroke);
}
