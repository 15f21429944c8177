using System.Net;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;
using Screenplay.Web.Tests.Collaboration;
using UglyToad.PdfPig;
using ScreenplayText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Tests.Revisions;

/// <summary>Locked baseline, revision-marked PDFs read back with PdfPig, revised pages, locked scene numbers.</summary>
public sealed class ProductionDraftTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private readonly ScreenplayApp app = fixture.App;

    /// <summary>Forty two-line action paragraphs: about two and a half pages.</summary>
    private static readonly string LongScript = "Title: Marks\n\nINT. OFFICE - DAY\n\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
        $"P{i} walks across the office carrying a stack of papers that wobble with every step she takes toward the window.\n\n"));

    [Fact]
    public async Task A_revision_pdf_stars_exactly_the_changed_lines_and_carries_the_revision_header()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Marks", LongScript);
        await owner.NameDraftAsync(scriptId, "Shooting Script");
        var baseline = await app.DraftIdAsync(scriptId, "Shooting Script");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/drafts/{baseline}/lock")).StatusCode);

        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        await tab.ReplaceAsync("P25 walks across the office carrying a stack of papers that wobble", "P25 walks across the office carrying a stack of papers that tremble");
        await tab.ReplaceAsync("P30 walks", "A phone rings.\n\nP30 walks");
        await owner.NameDraftAsync(scriptId, "Studio Rewrite", "Blue");
        var today = DateTime.UtcNow;

        using var response = await owner.Client.GetAsync($"/scripts/{scriptId}/revisions/marked.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        var marked = new List<(int Page, string Line)>();
        foreach (var page in pdf.GetPages())
        {
            var lines = page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).ToList();
            foreach (var line in lines.Where(l => l.Any(w => w.Text == "*" && w.BoundingBox.Left > 560)))
            {
                marked.Add((page.Number, string.Join(' ', line.Where(w => w.Text != "*").OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
            }

            if (page.Number > 1)
            {
                Assert.Contains($"Studio Rewrite (Blue) {today.Month}/{today.Day}/{today.Year}", string.Join(' ', page.GetWords().Select(w => w.Text)));
            }
        }

        Assert.Equal(2, marked.Count);
        Assert.StartsWith("tremble with every step", marked[0].Line);
        Assert.Equal("A phone rings.", marked[1].Line);

        // Issue revised pages: only the page(s) that carry a mark.
        using var revised = await owner.Client.GetAsync($"/scripts/{scriptId}/revisions/revised-pages.pdf");
        using var pages = PdfDocument.Open(await revised.Content.ReadAsByteArrayAsync());
        var revisedPages = marked.Select(m => m.Page).Distinct().Count();
        Assert.Equal(revisedPages, pages.NumberOfPages);
        Assert.Contains("tremble", string.Join(' ', pages.GetPage(1).GetWords().Select(w => w.Text)));
    }

    [Fact]
    public async Task Locked_pages_keep_their_numbers_overflow_goes_to_an_A_page_and_only_changed_pages_are_issued()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("A-pages", LongScript);
        await owner.NameDraftAsync(scriptId, "Shooting Script");
        var baseline = await app.DraftIdAsync(scriptId, "Shooting Script");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/drafts/{baseline}/lock")).StatusCode);
        var before = PageTexts(await PdfAsync(owner, $"/scripts/{scriptId}/revisions/marked.pdf"));
        Assert.Equal(["", "", "2.", "3."], before.Select(p => p.Label)); // title page, page 1 (no number), 2, 3

        // A dozen new paragraphs in the middle of page 2: too much for one page.
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var added = string.Concat(Enumerable.Range(0, 12).Select(i => $"N{i} rushes in with news that cannot wait another minute for anyone in the room.\n\n"));
        await tab.ReplaceAsync("P25 walks", added + "P25 walks");

        var after = PageTexts(await PdfAsync(owner, $"/scripts/{scriptId}/revisions/marked.pdf"));
        var revised = PageTexts(await PdfAsync(owner, $"/scripts/{scriptId}/revisions/revised-pages.pdf"));

        Assert.Equal(["", "", "2.", "2A.", "3."], after.Select(p => p.Label));
        Assert.Equal(before[3].Text, after[4].Text); // page 3 did not move
        Assert.Equal(["2.", "2A."], revised.Select(p => p.Label));
    }

    [Fact]
    public async Task With_numbers_locked_new_scenes_are_lettered_after_a_pause_but_never_a_heading_still_being_typed()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Typing", RevisionIntents.TwoScenes);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/scene-numbers/lock")).StatusCode);
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("EXT. GARDEN - NIGHT #2#"), "numbers written into the text");

        // A whole scene typed in: after the pause (a second here) it is 1A, for every editor, with nobody pressing a button.
        await tab.ReplaceAsync("EXT. GARDEN", "INT. HALL - DAY\n\nKeys jingle.\n\nEXT. GARDEN");
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("INT. HALL - DAY #1A#\n"), () => "1A in: " + tab.Text);

        // A heading still being typed (no line break after it yet) is left alone through the pause...
        await tab.TypeAsync(tab.Text.Length, "\nEXT. PORCH - NIGH");
        Assert.Contains(ScreenplayText.Parse(tab.Text).Scenes, s => s.Heading == "EXT. PORCH - NIGH");
        await app.CheckpointedAsync(scriptId, tab.Version);
        // ...and lettered once finished and left for a pause.
        await tab.TypeAsync(tab.Text.Length, "T\n\nRain drums on the roof.\n");
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("EXT. PORCH - NIGHT #2A#\n"), () => "2A in: " + tab.Text);
        // The locked list follows (saved just after the live change).
        List<string> numbers = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(10); numbers.Count < 4 && DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            await using var db = app.CreateDbContext();
            numbers = await db.SceneNumberLocks.Where(l => l.ScriptId == scriptId).Select(l => l.Numbers).SingleAsync();
        }

        Assert.Equal(["1", "1A", "2", "2A"], numbers);
    }

    private static async Task<PdfDocument> PdfAsync(TestUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Each page's printed number (top right) and its body text (header and numbers left out).</summary>
    private static List<(string Label, string Text)> PageTexts(PdfDocument pdf)
    {
        using (pdf)
        {
            return [.. pdf.GetPages().Select(page =>
            {
                var words = page.GetWords().ToList();
                var top = words.Max(w => w.BoundingBox.Top);
                var label = words.Where(w => w.BoundingBox.Top > top - 6 && w.BoundingBox.Left > 450 && w.Text.EndsWith('.')).Select(w => w.Text).FirstOrDefault() ?? "";
                var body = words.Where(w => w.BoundingBox.Top < top - 6 && w.Text != "*").Select(w => w.Text);
                return (label, string.Join(' ', body));
            })];
        }
    }

    [Fact]
    public async Task Without_a_baseline_there_is_no_revision_pdf()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("No baseline", LongScript);
        using var response = await owner.Client.GetAsync($"/scripts/{scriptId}/revisions/marked.pdf");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Locked_scene_numbers_letter_new_scenes_keep_deleted_ones_as_omitted_and_unlock_renumbers()
    {
        var owner = await app.CreateUserAsync("Owner");
        var scriptId = await owner.CreateScriptAsync("Numbers", RevisionIntents.TwoScenes);
        await using var tab = await owner.OpenEditorAsync(scriptId, app.BaseAddress);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/scene-numbers/lock")).StatusCode);
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("INT. KITCHEN - DAY #1#") && tab.Text.Contains("EXT. GARDEN - NIGHT #2#"), "numbers written into the text");

        await tab.ReplaceAsync("EXT. GARDEN", "INT. HALL - DAY\n\nKeys jingle.\n\nEXT. GARDEN");
        await tab.ReplaceAsync("EXT. GARDEN - NIGHT #2#\n\nBruno waters the roses by moonlight.\n", "");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/scene-numbers/update")).StatusCode);
        await RevisionIntents.EventuallyAsync(() => tab.Text.Contains("INT. HALL - DAY #1A#") && tab.Text.Contains(".OMITTED #2#"), () => "1A and 2 OMITTED in: " + tab.Text);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(["1", "1A", "2"], await db.SceneNumberLocks.Where(l => l.ScriptId == scriptId).Select(l => l.Numbers).SingleAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync($"/scripts/{scriptId}/scene-numbers/unlock")).StatusCode);
        await RevisionIntents.EventuallyAsync(() => !tab.Text.Contains('#') && !tab.Text.Contains("OMITTED"), "numbers and placeholders removed");
    }
}
