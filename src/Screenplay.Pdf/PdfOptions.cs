namespace Screenplay.Pdf;

/// <summary>What the PDF adds on top of the pages: metadata and an optional watermark.</summary>
public sealed record PdfOptions
{
    public static PdfOptions Default { get; } = new();

    /// <summary>Printed large, diagonal and light across every page (e.g. the recipient's name); null for none.</summary>
    public string? Watermark { get; init; }

    /// <summary>Document title in the PDF metadata; defaults to the title page's Title.</summary>
    public string? Title { get; init; }

    /// <summary>Document author in the PDF metadata; defaults to the title page's Author.</summary>
    public string? Author { get; init; }

    public string Creator { get; init; } = "Screenplay";

    /// <summary>Creation date written into the metadata; null writes none (the same pages then give the same bytes).</summary>
    public DateTimeOffset? Created { get; init; }
}
