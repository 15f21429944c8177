using Screenplay.Fountain.Fdx;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Statistics;
using Screenplay.Fountain.Syntax;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Scripts;

/// <summary>
/// The web app's one door to the core library: the same parse and pagination feed the preview, the navigator's
/// page numbers, the statistics and the PDF, so they never disagree.
/// </summary>
internal static class ScriptLayout
{
    /// <summary>Body pages on US Letter (the dashboard's figure; the title page is not counted).</summary>
    public static int PageCount(string text) =>
        text.Length == 0 ? 0 : Paginator.Paginate(FountainText.Parse(text), PageLayout.Default with { IncludeTitlePage = false }).Pages.Length;

    /// <summary>The title page's Title, markup removed; null when the script has none.</summary>
    public static string? TitleOf(string text)
    {
        // The title page entry itself: an import or the demo seed need not lay out every page to read a name.
        var title = FountainText.PrintedTitlePageValue(FountainText.Parse(text), "Title");
        return string.IsNullOrWhiteSpace(title) ? null : title.Trim();
    }

    /// <summary>Fountain text from the bytes of a Final Draft file, or the reader's one-line reason it is not one.</summary>
    public static (string? Text, string? Error) FountainFromFdx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return (FinalDraft.ToFountain(stream), null);
        }
        catch (FdxFormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Everything the script page shows, from one parse and one pagination.</summary>
    public static ScriptView View(string text, PageLayout? layout = null)
    {
        var document = FountainText.Parse(text);
        var pages = Paginator.Paginate(document, layout ?? PageLayout.Default);
        var statistics = ScriptStatistics.Compute(document, pages.Pages.Length);
        return new ScriptView(document, pages, statistics, SceneEntries(document, pages));
    }

    public static PaginatedScript Paginate(string text, PageLayout layout) => Paginator.Paginate(FountainText.Parse(text), layout);

    public static Document Parse(string text) => FountainText.Parse(text);

    private static IReadOnlyList<SceneEntry> SceneEntries(Document document, PaginatedScript pages)
    {
        var firstPage = pages.Scenes.ToDictionary(s => s.SceneIndex, s => s.FirstPage);
        return document.Scenes
            .Select((scene, i) => new SceneEntry(i, scene.Number ?? (i + 1).ToString(), scene.Heading, firstPage.GetValueOrDefault(i)))
            .ToList();
    }
}

/// <summary>A parsed, paginated script with its statistics and scene index.</summary>
internal sealed record ScriptView(Document Document, PaginatedScript Pages, ScriptStatistics Statistics, IReadOnlyList<SceneEntry> Scenes);

/// <summary>A scene in the navigator: its index in the document (the anchor), printed number, heading and first page.</summary>
public sealed record SceneEntry(int Index, string Number, string Heading, int Page)
{
    public string Anchor => $"scene-{Index}";
}
