using Markdig;
using Screenplay.Fountain.Layout;
using Screenplay.Web.Export;
using UglyToad.PdfPig;

namespace Screenplay.Web.Tests.Export;

/// <summary>The notes report as Markdown and as PDF (read back with PdfPig).</summary>
public sealed class NotesReportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);

    private static NotesReport Report(int threadsPerScene = 1) => new(
        "The Test Reel",
        [
            new("1", "INT. KITCHEN - NIGHT",
            [
                .. Enumerable.Range(0, threadsPerScene).Select(i => new NotesReportThread(
                    new("Dana Director", Monday.AddMinutes(i), $"Thread {i}: make the **pause** longer."), Resolved: false, Passage: "Anna cooks.",
                    [new("Walt Writer", Monday.AddHours(1), "Done, see the new line.")])),
            ]),
            new("2A", "EXT. GARDEN - DAY", [new(new("Walt Writer", Monday, "Birds?"), Resolved: true, null, [])]),
        ],
        [new(null, "INT. ATTIC - DAWN", [new(new("Dana Director", Monday, "Keep the attic."), Resolved: false, null, [])])]);

    [Fact]
    public void The_pdf_report_lists_each_scene_with_its_threads_status_author_date_and_replies_then_the_detached_notes()
    {
        using var pdf = PdfDocument.Open(NotesReportPdf.Write(Report()));

        var lines = pdf.GetPages().SelectMany(Lines).ToList();
        Assert.Equal(
            [
                "NOTES: The Test Reel",
                "1. INT. KITCHEN - NIGHT",
                "[OPEN] Dana Director, 23 Nov 2026 14:05 UTC",
                "On: \"Anna cooks.\"",
                "Thread 0: make the pause longer.",
                "Reply: Walt Writer, 23 Nov 2026 15:05 UTC",
                "Done, see the new line.",
                "2A. EXT. GARDEN - DAY",
                "[RESOLVED] Walt Writer, 23 Nov 2026 14:05 UTC",
                "Birds?",
                "DETACHED NOTES (their scene was deleted)",
                "WAS: INT. ATTIC - DAWN",
                "[OPEN] Dana Director, 23 Nov 2026 14:05 UTC",
                "Keep the attic.",
            ],
            lines);
    }

    [Fact]
    public void A_long_report_runs_over_numbered_pages_and_never_leaves_a_scene_heading_at_the_bottom_of_a_page()
    {
        using var pdf = PdfDocument.Open(NotesReportPdf.Write(Report(threadsPerScene: 40), PaperSize.A4));

        Assert.True(pdf.NumberOfPages >= 4);
        var pages = pdf.GetPages().ToList();
        for (var p = 1; p < pages.Count; p++)
        {
            Assert.Equal($"{p + 1}.", Lines(pages[p])[0]);
            Assert.True(pages[p].Height > 830, "A4");
        }

        Assert.Equal(40, pages.SelectMany(Lines).Count(l => l.StartsWith("[OPEN] Dana Director", StringComparison.Ordinal)) - 1);
        foreach (var page in pages)
        {
            Assert.DoesNotMatch("^(\\d+A?\\. |WAS: )", Lines(page)[^1]);
        }
    }

    [Fact]
    public void The_markdown_report_quotes_bodies_and_escapes_names_and_headings_so_they_stay_text()
    {
        var report = Report() with
        {
            Scenes = [new("1", "INT. <b>LAB</b> - NIGHT", [new(new("*Eve* [x](javascript:alert(1))", Monday, "# Heading\nand **bold**"), false, null, [])])],
        };

        var markdown = NotesReportMarkdown.Write(report);
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().DisableHtml().Build());

        Assert.Contains("## 1. INT\\. \\<b\\>LAB\\<\\/b\\> \\- NIGHT", markdown, StringComparison.Ordinal);
        Assert.Contains("  > # Heading\n  > and **bold**\n", markdown, StringComparison.Ordinal);
        Assert.Contains("*Eve* [x](javascript:alert(1))", html, StringComparison.Ordinal); // printed, not a link or emphasis
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal); // the body's own Markdown still renders
        Assert.Contains("## Detached notes", markdown, StringComparison.Ordinal);
        Assert.Contains("### Was: INT\\. ATTIC \\- DAWN", markdown, StringComparison.Ordinal);
    }

    /// <summary>A page's text lines top to bottom (letters grouped by baseline).</summary>
    private static List<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        [.. page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)).Trim())
            .Where(t => t.Length > 0)];
}
