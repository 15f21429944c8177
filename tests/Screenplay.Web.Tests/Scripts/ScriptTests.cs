using System.Net;
using System.Text;
using UglyToad.PdfPig;

namespace Screenplay.Web.Tests.Scripts;

/// <summary>Scripts end to end over HTTP: create, save, import, export, the dashboard and the script page.</summary>
public sealed class ScriptTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    private const string Scene = """
        Title: The Long Take
        Author: Ada Writer

        INT. KITCHEN - NIGHT

        MARA stirs a pot.

        MARA
        It needs salt.

        EXT. GARDEN - DAY

        JOE
        Everything needs salt.

        """;

    [Fact]
    public async Task Every_save_stores_the_text_and_a_revision_by_its_author()
    {
        var owner = await app.CreateUserAsync();
        var writer = await app.CreateUserAsync("Co Writer");
        var id = await owner.CreateScriptAsync("Draft");
        await owner.ShareAsync(id, writer, Data.ScriptRole.Writer);

        await owner.SaveTextAsync(id, "INT. ONE - DAY\r\n\r\nFirst.\r\n");
        await writer.SaveTextAsync(id, "INT. ONE - DAY\n\nSecond.\n");
        await writer.SaveTextAsync(id, "INT. ONE - DAY\n\nSecond.\n"); // unchanged: no new revision

        var script = await owner.LoadScriptAsync(id);
        Assert.Equal("INT. ONE - DAY\n\nSecond.\n", script.Text);
        var revisions = script.Revisions.OrderBy(r => r.Id).ToList();
        Assert.Equal(["create", "save", "save"], revisions.Select(r => r.Kind));
        Assert.Equal("INT. ONE - DAY\n\nFirst.\n", revisions[1].Text); // line endings normalized
        Assert.Equal([owner.Id, owner.Id, writer.Id], revisions.Select(r => r.UserId));
        Assert.Equal(writer.Id, script.UpdatedById);

        // Saves go through the live edit log, so an open editor (and the history) sees them too.
        await using var db = app.CreateDbContext();
        var logged = db.ScriptUpdates.Where(u => u.ScriptId == id).OrderBy(u => u.Version).Select(u => u.UserId).ToList();
        Assert.Equal([owner.Id, writer.Id], logged);
        Assert.Equal(2, script.Version);
    }

    [Fact]
    public async Task The_dashboard_lists_my_own_and_shared_scripts_with_pages_and_people()
    {
        var owner = await app.CreateUserAsync("Owner Olga");
        var reader = await app.CreateUserAsync("Reader Rita");
        var mine = await owner.CreateScriptAsync("Olga's film", Scene);
        var theirs = await reader.CreateScriptAsync("Rita's own");
        await owner.ShareAsync(mine, reader, Data.ScriptRole.Reader);

        var dashboard = await reader.Client.GetHtmlAsync("/");
        var rows = dashboard.QuerySelectorAll("tr[data-script]").Select(r => r.GetAttribute("data-script")).ToList();
        Assert.Equal([theirs.ToString(), mine.ToString()], rows); // newest edit first
        var shared = dashboard.QuerySelector($"tr[data-script='{mine}']")!;
        Assert.Equal("Olga's film", shared.QuerySelector(".title")!.TextContent.Trim());
        Assert.Equal("1", shared.QuerySelector(".pages")!.TextContent.Trim());
        Assert.Equal("Reader", shared.QuerySelector(".role")!.TextContent.Trim());
        Assert.Contains("Owner Olga", shared.QuerySelector(".people")!.TextContent);
        Assert.Contains("by Owner Olga", shared.QuerySelector(".edited")!.TextContent);

        // Leaving takes it off the reader's dashboard, and the owner's list no longer names her.
        using var leave = await reader.Client.PostFormAsync($"/scripts/{mine}/leave");
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        Assert.Null((await reader.Client.GetHtmlAsync("/")).QuerySelector($"tr[data-script='{mine}']"));
        Assert.DoesNotContain("Reader Rita", (await owner.Client.GetHtmlAsync("/")).QuerySelector($"tr[data-script='{mine}'] .people")!.TextContent);
    }

    [Fact]
    public async Task Importing_fountain_takes_the_title_page_title_and_the_text()
    {
        var user = await app.CreateUserAsync();
        using var response = await user.ImportAsync("long-take.fountain", Encoding.UTF8.GetBytes("\uFEFF" + Scene.Replace("\n", "\r\n")));
        var id = TestUser.ScriptIdFrom(response);

        var script = await user.LoadScriptAsync(id);
        Assert.Equal("The Long Take", script.Title);
        Assert.Equal(Scene, script.Text);
        Assert.Equal("import", Assert.Single(script.Revisions).Kind);
    }

    [Fact]
    public async Task Fdx_export_imports_back_to_the_same_screenplay()
    {
        var user = await app.CreateUserAsync();
        var id = await user.CreateScriptAsync("Round trip", Scene);
        using var fdx = await user.Client.GetAsync($"/scripts/{id}/export/fdx");
        Assert.Equal(HttpStatusCode.OK, fdx.StatusCode);
        Assert.Equal("Round trip.fdx", fdx.Content.Headers.ContentDisposition!.FileNameStar ?? fdx.Content.Headers.ContentDisposition.FileName);
        var bytes = await fdx.Content.ReadAsByteArrayAsync();
        Assert.Contains("<FinalDraft", Encoding.UTF8.GetString(bytes));

        using var import = await user.ImportAsync("round-trip.fdx", bytes);
        var copy = await user.LoadScriptAsync(TestUser.ScriptIdFrom(import));
        Assert.Equal("The Long Take", copy.Title);
        var original = Fountain.Fountain.Parse(Scene);
        var reimported = Fountain.Fountain.Parse(copy.Text);
        Assert.Equal(original.Elements.Select(e => (e.Type, e.Text)), reimported.Elements.Select(e => (e.Type, e.Text)));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "notes.docx", "PK\u0003\u0004"u8.ToArray(), "is not a screenplay file" },
        { "broken.fdx", "<FinalDraft><Content><Paragraph"u8.ToArray(), "could not be read as Final Draft" },
        { "other.fdx", "<html><body>hi</body></html>"u8.ToArray(), "could not be read as Final Draft" },
        { "latin1.fountain", [0x49, 0x4E, 0x54, 0x2E, 0x20, 0xE9, 0xE9, 0xFF], "is not UTF-8 text" },
        { "binary.fountain", [0x49, 0x00, 0x4E, 0x00], "binary file" },
        { "empty.fountain", [], "Choose a .fountain or .fdx file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_stores_nothing(string fileName, byte[] content, string message)
    {
        var user = await app.CreateUserAsync();
        using var response = await user.ImportAsync(fileName, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboard = await user.Client.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(message, dashboard.QuerySelector(".error[role=alert]")!.TextContent);
        Assert.Empty(dashboard.QuerySelectorAll("tr[data-script]"));
    }

    [Fact]
    public async Task Downloads_carry_the_text_and_the_pdf_options()
    {
        var user = await app.CreateUserAsync("Wanda Watermark");
        var id = await user.CreateScriptAsync("Options", Scene);

        using var fountain = await user.Client.GetAsync($"/scripts/{id}/export/fountain");
        Assert.Equal(Scene, await fountain.Content.ReadAsStringAsync());

        using var plain = await user.Client.GetAsync($"/scripts/{id}/export/pdf");
        Assert.Equal("application/pdf", plain.Content.Headers.ContentType!.MediaType);
        using (var pdf = PdfDocument.Open(await plain.Content.ReadAsByteArrayAsync()))
        {
            var page = pdf.GetPage(pdf.NumberOfPages);
            Assert.Equal(612, page.Width, 0.5);
            Assert.DoesNotContain("Wanda Watermark", string.Concat(Enumerable.Range(1, pdf.NumberOfPages).Select(n => pdf.GetPage(n).Text)));
            Assert.Contains("KITCHEN", page.Text);
        }

        using var options = await user.Client.GetAsync($"/scripts/{id}/export/pdf?paper=a4&watermark=true&sceneNumbers=true");
        using (var pdf = PdfDocument.Open(await options.Content.ReadAsByteArrayAsync()))
        {
            var page = pdf.GetPage(pdf.NumberOfPages);
            Assert.Equal(595, page.Width, 1);
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("Wanda Watermark", string.Concat(page.Letters.Select(l => l.Value)));
            // Scene numbers in both margins: "1" twice on the heading's line.
            Assert.True(words.Count(w => w == "1") >= 2, string.Join(' ', words));
        }

        using var badPaper = await user.Client.GetAsync($"/scripts/{id}/export/pdf?paper=legal");
        Assert.Equal(HttpStatusCode.BadRequest, badPaper.StatusCode);
    }

    [Fact]
    public async Task The_script_page_shows_the_formatted_pages_scenes_and_statistics()
    {
        var user = await app.CreateUserAsync();
        var id = await user.CreateScriptAsync("Page", Scene);
        var page = await user.Client.GetHtmlAsync($"/scripts/{id}");

        var scenes = page.QuerySelectorAll(".scene-navigator li a").ToList();
        Assert.Equal(2, scenes.Count);
        Assert.Contains("INT. KITCHEN - NIGHT", scenes[0].TextContent);
        Assert.Equal("#scene-1", scenes[1].GetAttribute("href"));
        var anchor = page.GetElementById("scene-1")!;
        Assert.Equal("EXT. GARDEN - DAY", anchor.TextContent);
        Assert.Contains("k-sceneheading", anchor.ClassName);

        Assert.Equal(2, page.QuerySelectorAll(".preview .page").Length); // title page + one body page
        Assert.Equal("1", page.QuerySelector("[data-stat=pages]")!.TextContent);
        Assert.NotNull(page.QuerySelector(".dialogue-chart g[data-character=MARA]"));
        Assert.NotNull(page.QuerySelector(".locations li[data-location=GARDEN]"));
    }

    [Fact]
    public async Task Rename_and_invite_errors_are_explained()
    {
        var owner = await app.CreateUserAsync();
        var id = await owner.CreateScriptAsync("Before");
        using var rename = await owner.Client.PostFormAsync($"/scripts/{id}/rename", new() { ["title"] = "  After  " });
        Assert.Equal("After", (await owner.LoadScriptAsync(id)).Title);

        using var nobody = await owner.Client.PostFormAsync($"/scripts/{id}/members", new() { ["email"] = "nobody@example.test", ["role"] = "Writer" });
        var sharePage = await owner.Client.GetHtmlAsync(nobody.Headers.Location!.OriginalString);
        Assert.Contains("No account uses 'nobody@example.test'", sharePage.QuerySelector(".error")!.TextContent);

        var other = await app.CreateUserAsync();
        using var asOwner = await owner.Client.PostFormAsync($"/scripts/{id}/members", new() { ["email"] = other.Email, ["role"] = "Owner" });
        Assert.Contains("error=", asOwner.Headers.Location!.OriginalString);
        Assert.Single((await owner.LoadScriptAsync(id)).Members);
    }
}
