using System.Text;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;
using SkiaSharp;

namespace Screenplay.Pdf;

/// <summary>Draws one page's positioned lines (and the watermark) onto a PDF page.</summary>
internal sealed class PagePainter(FontSet fonts, Paper paper, string? watermark) : IDisposable
{
    private readonly Dictionary<(SKTypeface Typeface, Emphasis Emphasis, float Size), SKFont> _fonts = [];

    /// <summary>Baseline below the top of a 12 pt line box: the line's descent sits at its bottom (typewriter spacing).</summary>
    private const float BaselineOffset = 9.5f;

    /// <summary>Watermark grey at 12% opacity: readable, never in the way of the text.</summary>
    private static readonly SKColor WatermarkColor = new(0x80, 0x80, 0x80, 0x1F);

    public void Paint(SKDocument document, Page page)
    {
        var canvas = document.BeginPage((float)paper.Width, (float)paper.Height);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        if (!string.IsNullOrWhiteSpace(watermark))
        {
            PaintWatermark(canvas, watermark);
        }

        foreach (var line in page.Lines)
        {
            var x = (float)line.X;
            var baseline = (float)line.Y + BaselineOffset;
            foreach (var run in line.Runs)
            {
                x = DrawRun(canvas, run.Text, run.Emphasis, x, baseline, (float)Paper.FontSize, paint);
            }
        }

        NoteBoxes.Paint(canvas, page);
        document.EndPage();
    }

    private void PaintWatermark(SKCanvas canvas, string text)
    {
        var width = (float)paper.Width;
        var height = (float)paper.Height;
        var diagonal = MathF.Sqrt(width * width + height * height);
        // Courier is 0.6 em wide: size the text to about 70% of the diagonal, never larger than 96 pt.
        var size = Math.Min(96f, diagonal * 0.7f / (0.6f * Math.Max(1, text.Length)));
        using var paint = new SKPaint { Color = WatermarkColor, IsAntialias = true };
        var textWidth = Measure(text, Emphasis.Bold, size);
        canvas.Save();
        canvas.Translate(width / 2, height / 2);
        canvas.RotateDegrees(-MathF.Atan2(height, width) * 180f / MathF.PI);
        DrawRun(canvas, text, Emphasis.Bold, -textWidth / 2, size * 0.35f, size, paint);
        canvas.Restore();
    }

    /// <summary>Draws text from <paramref name="x"/>, switching typeface where Courier Prime lacks a glyph; returns the x after it.</summary>
    private float DrawRun(SKCanvas canvas, string text, Emphasis emphasis, float x, float baseline, float size, SKPaint paint)
    {
        var start = x;
        text = BlankControls(text);
        if (System.Text.Ascii.IsValid(text))
        {
            // The common case: Courier Prime has every ASCII glyph, so one draw call and no fallback lookups.
            var font = Font(fonts.Courier(emphasis), emphasis, size);
            canvas.DrawText(text, x, baseline, font, paint);
            x += font.MeasureText(text);
        }
        else
        {
            foreach (var (segment, typeface) in Segments(text, emphasis))
            {
                var font = Font(typeface, emphasis, size);
                canvas.DrawText(segment, x, baseline, font, paint);
                x += font.MeasureText(segment);
            }
        }

        if (emphasis.HasFlag(Emphasis.Underline) && x > start)
        {
            var font = Font(fonts.Courier(emphasis), emphasis, size);
            var metrics = font.Metrics;
            var offset = metrics.UnderlinePosition ?? size * 0.1f;
            var thickness = metrics.UnderlineThickness ?? size * 0.05f;
            canvas.DrawRect(start, baseline + offset, x - start, thickness, paint);
        }

        return x;
    }

    /// <summary>
    /// A control character inside a line (a bell, an escape, a form feed pasted in) has no glyph in any font and would
    /// print as a box; the layout counted it as one cell, so it prints as a space and the text after it stays where the
    /// layout put it.
    /// </summary>
    private static string BlankControls(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0 && text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') < 0
            ? text
            : string.Create(text.Length, text, static (chars, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    chars[i] = char.IsControl(source[i]) ? ' ' : source[i];
                }
            });

    private float Measure(string text, Emphasis emphasis, float size)
    {
        var width = 0f;
        foreach (var (segment, typeface) in Segments(text, emphasis))
        {
            width += Font(typeface, emphasis, size).MeasureText(segment);
        }

        return width;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        _fonts.Clear();
    }

    /// <summary>One SKFont per typeface, style and size for the whole document (creating one per run costs more than drawing it).</summary>
    private SKFont Font(SKTypeface typeface, Emphasis emphasis, float size)
    {
        var key = (typeface, emphasis & (Emphasis.Bold | Emphasis.Italic), size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = NewFont(typeface, emphasis, size);
            _fonts.Add(key, font);
        }

        return font;
    }

    private static SKFont NewFont(SKTypeface typeface, Emphasis emphasis, float size) => new(typeface, size)
    {
        // Unhinted, linear advances: hinting would round Courier's 7.2 pt advance to 7 pt and drift off the grid.
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        // A fallback family may have no bold or italic face: synthesize them rather than lose the emphasis.
        Embolden = emphasis.HasFlag(Emphasis.Bold) && !typeface.IsBold,
        SkewX = emphasis.HasFlag(Emphasis.Italic) && !typeface.IsItalic ? -0.2f : 0f,
    };

    private List<(string Segment, SKTypeface Typeface)> Segments(string text, Emphasis emphasis)
    {
        var segments = new List<(string, SKTypeface)>(1);
        var builder = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var typeface = fonts.For(rune, emphasis);
            if (current is not null && !ReferenceEquals(typeface, current))
            {
                segments.Add((builder.ToString(), current));
                builder.Clear();
            }

            current = typeface;
            builder.Append(rune.ToString());
        }

        if (current is not null && builder.Length > 0)
        {
            segments.Add((builder.ToString(), current));
        }

        return segments;
    }
}
