using System.Text;
using Screenplay.Fountain.Layout;
using Screenplay.Pdf;
using Screenplay.Web.Scripts;
using FdxWriter = Screenplay.Fountain.Fdx.FinalDraft;

namespace Screenplay.Web.Export;

/// <summary>
/// The file downloads of a script's text, the same wherever they are offered (the current script, any point of its
/// history, revision prints): content type, file name from the title, and the title in the PDF's metadata.
/// </summary>
internal static class ExportFiles
{
    public static IResult Fountain(string text, string name) =>
        Results.File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", FileName(name, "fountain"));

    public static IResult FinalDraft(string text, string name) =>
        Results.File(Encoding.UTF8.GetBytes(FdxWriter.Write(ScriptLayout.Parse(text))), "application/xml; charset=utf-8", FileName(name, "fdx"));

    /// <param name="title">The script's title, written into the PDF metadata.</param>
    /// <param name="name">The download's name (the title, with a version or revision label when it is not the current text).</param>
    public static IResult Pdf(PaginatedScript pages, string title, string name, PdfOptions? options = null) =>
        Results.File(ScreenplayPdf.ToBytes(pages, (options ?? PdfOptions.Default) with { Title = title }), "application/pdf", FileName(name, "pdf"));

    /// <summary>A download name from the title: letters, digits, spaces, dashes and underscores only.</summary>
    internal static string FileName(string title, string extension)
    {
        var safe = new string(title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' ? c : '_').ToArray()).Trim();
        return $"{(safe.Length == 0 ? "script" : safe)}.{extension}";
    }
}
