using Screenplay.Fountain.Layout;
using SkiaSharp;

namespace Screenplay.Pdf;

/// <summary>
/// Writes paginated pages as a PDF: Courier Prime embedded (regular, bold, italic, bold italic), underline drawn,
/// characters Courier Prime lacks (Cyrillic is there; Japanese is not) drawn with a font the machine has for them.
/// It only draws what the layout positioned, so the PDF and the browser preview agree line for line.
/// </summary>
public static class ScreenplayPdf
{
    public static void Write(PaginatedScript script, Stream output, PdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(output);
        options ??= PdfOptions.Default;

        var metadata = new SKDocumentPdfMetadata
        {
            Title = options.Title ?? script.Title ?? string.Empty,
            Author = options.Author ?? script.Author ?? string.Empty,
            Creator = options.Creator,
            Producer = "Screenplay.Pdf (SkiaSharp)",
            RasterDpi = 72,
            EncodingQuality = 101,
        };
        if (options.Created is { } created)
        {
            metadata.Creation = created.UtcDateTime;
            metadata.Modified = created.UtcDateTime;
        }

        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not open a PDF document on the output stream.");
        using var painter = new PagePainter(FontSet.Shared, script.Paper, options.Watermark);
        if (script.TitlePage is { } titlePage)
        {
            painter.Paint(document, titlePage);
        }

        foreach (var page in script.Pages)
        {
            painter.Paint(document, page);
        }

        document.Close();
    }

    /// <summary>The PDF as bytes, for callers that answer an HTTP request or write a file in one go.</summary>
    public static byte[] ToBytes(PaginatedScript script, PdfOptions? options = null)
    {
        using var buffer = new MemoryStream();
        Write(script, buffer, options);
        return buffer.ToArray();
    }
}
