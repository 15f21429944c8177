using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Fountain.Text;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;
using Screenplay.Web.Tests.Export;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// While a script is open, its text in the <c>scripts</c> row lags the live session by up to a save interval (here an
/// hour, so the lag is certain). The notes exports and the script page key notes by the session's scenes, so they
/// must lay out the session's text too: a scene added a moment ago must not shift every note by one.
/// </summary>
public sealed class LiveSnapshotTests(LiveSnapshotTests.SlowSaveApp fixture) : IClassFixture<LiveSnapshotTests.SlowSaveApp>
{
    /// <summary>The app with the session's text copied into the scripts row only once an hour.</summary>
    public sealed class SlowSaveApp : IAsyncLifetime
    {
        public ScreenplayApp App { get; } = new();

        public Task InitializeAsync()
        {
            App.Settings["Collaboration:SaveTextInterval"] = "01:00:00";
            return App.InitializeAsync();
        }

        public Task DisposeAsync() => App.DisposeAsync();
    }

    private readonly ScreenplayApp app = fixture.App;

    [Fact]
    public async Task Notes_exports_and_the_script_page_lay_out_the_live_text_the_scene_ids_describe()
    {
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var owner = await app.CreateUserAsync("Olive Owner");
        var director = await app.CreateUserAsync("Dana Director");
        var scriptId = await owner.CreateScriptAsync("Live export", NotesApp.Text.ReplaceLineEndings("\n"));
        await owner.ShareAsync(scriptId, director, ScriptRole.Commenter);
        await using var editor = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        var scenes = (await notes.ListScenesAsync(scriptId, director.Id))!;
        const string line = "Somebody threw a stone.";
        var at = editor.Text.IndexOf(line, StringComparison.Ordinal);
        Assert.True((await notes.CreateAsync(scriptId, director.Id, scenes[0].Id, "Quieter.", new PassageInput(at, at + line.Length, editor.Version))).Done);
        Assert.True((await notes.CreateAsync(scriptId, director.Id, scenes[1].Id, "Name the boy.")).Done);

        // A moment ago: a word typed into the passage and a scene added at the top (the scripts row has neither yet).
        editor.Edit(text => ChangeSet.Of(text.IndexOf("threw", StringComparison.Ordinal), text.IndexOf("threw", StringComparison.Ordinal), "just ", text.Length));
        editor.Insert(0, "EXT. STREET - NIGHT\n\nA stone flies.\n\n");
        await editor.SettleAsync(TimeSpan.FromSeconds(10));

        // The draft PDF with open notes: the garden's note right after the garden scene, in the text with the new scene.
        var pdf = await NotesExportTests.PdfLinesAsync(director, $"/scripts/{scriptId}/export/pdf?openNotes=true");
        Assert.Contains("EXT. STREET - NIGHT", pdf);
        var garden = pdf.IndexOf("A boy runs between the rose bushes.");
        Assert.True(garden >= 0 && pdf[garden + 1] == "NOTES" && pdf[garden + 2].EndsWith(": Name the boy.", StringComparison.Ordinal), string.Join(" | ", pdf));

        // The notes report: scene numbers of the live text, the passage quoted as it reads now.
        var md = await (await director.Client.GetAsync($"/scripts/{scriptId}/export/notes.md")).Content.ReadAsStringAsync();
        Assert.Contains("## 2. INT\\. KITCHEN \\- NIGHT", md, StringComparison.Ordinal);
        Assert.Contains("  On: *Somebody just threw a stone\\.*", md, StringComparison.Ordinal);
        Assert.Contains("## 3. EXT\\. GARDEN \\- NIGHT", md, StringComparison.Ordinal);
        var reportPdf = await NotesExportTests.PdfLinesAsync(director, $"/scripts/{scriptId}/export/notes.pdf");
        Assert.Contains("On: \"Somebody just threw a stone.\"", reportPdf);

        // The script page: each scene's open-note count on that scene, in the text as it is now.
        using var response = await director.Client.GetAsync($"/scripts/{scriptId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, html);
        var page = new HtmlParser().ParseDocument(html);
        var counted = page.QuerySelectorAll(".scene-navigator a").Where(a => a.QuerySelector(".note-count") is not null)
            .Select(a => (a.QuerySelector(".heading")!.TextContent, a.QuerySelector(".note-count")!.TextContent)).ToList();
        Assert.Equal([("INT. KITCHEN - NIGHT", "1"), ("EXT. GARDEN - NIGHT", "1")], counted);
        Assert.Equal(["2. INT. KITCHEN - NIGHT", "3. EXT. GARDEN - NIGHT"], page.QuerySelectorAll(".script-notes .note-scene").Select(s => s.TextContent));
    }
}
