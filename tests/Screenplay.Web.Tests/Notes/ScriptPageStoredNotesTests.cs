using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// The read-only script page and the notes exports show what is stored when no session holds the script: they never
/// load one (the edit log replayed, the scenes tracked) just to be read, whether the script has notes or was imported
/// and never opened since.
/// </summary>
public sealed class ScriptPageStoredNotesTests(SmallLimitsApp fixture) : IClassFixture<SmallLimitsApp>
{
    private readonly ScreenplayApp app = fixture.App;

    [Fact]
    public async Task The_script_page_shows_stored_notes_and_counts_without_opening_the_scripts_session()
    {
        var notes = app.Services.GetRequiredService<ScriptNotes>();
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        var owner = await app.CreateUserAsync("Olive Owner");
        var scriptId = await owner.CreateScriptAsync("Stored notes", NotesApp.Text.ReplaceLineEndings("\n"));
        var scenes = (await notes.ListScenesAsync(scriptId, owner.Id))!;
        var text = NotesApp.Text.ReplaceLineEndings("\n");
        var at = text.IndexOf("The window is boarded up.", StringComparison.Ordinal);
        var version = await sessions.UseAsync(scriptId, session => Task.FromResult(session.Version));
        Assert.True((await notes.CreateAsync(scriptId, owner.Id, scenes[2].Id, "Board it **later**.", new PassageInput(at, at + 10, version))).Done);
        await CollaborationIntents.EventuallyAsync(() => !sessions.IsLoaded(scriptId), "the idle script is unloaded");

        var page = new HtmlParser().ParseDocument(await (await owner.Client.GetAsync($"/scripts/{scriptId}")).Content.ReadAsStringAsync());
        // The notes report from what is stored too: the text and the passage saved with it when the script was unloaded.
        var report = await (await owner.Client.GetAsync($"/scripts/{scriptId}/export/notes.md")).Content.ReadAsStringAsync();

        Assert.Equal("1", page.QuerySelector(".scene-navigator [data-scene-notes='2']")!.TextContent);
        Assert.Equal("later", page.QuerySelector(".script-notes .note-body strong")!.TextContent);
        Assert.Contains("## 3. INT\\. KITCHEN \\- LATER", report, StringComparison.Ordinal);
        Assert.Contains("On: *The window*", report, StringComparison.Ordinal);
        Assert.False(sessions.IsLoaded(scriptId), "reading the script page or its notes loaded its live session");
    }

    [Fact]
    public async Task An_imported_script_nobody_has_opened_shows_its_scenes_and_no_notes_without_opening_a_session()
    {
        var sessions = app.Services.GetRequiredService<ScriptSessions>();
        var owner = await app.CreateUserAsync("Importer");
        var scriptId = TestUser.ScriptIdFrom(await owner.ImportAsync("imported.fountain", Encoding.UTF8.GetBytes(NotesApp.Text.ReplaceLineEndings("\n"))));

        var page = new HtmlParser().ParseDocument(await (await owner.Client.GetAsync($"/scripts/{scriptId}")).Content.ReadAsStringAsync());

        Assert.Equal(3, page.QuerySelectorAll(".scene-navigator li").Length);
        Assert.Empty(page.QuerySelectorAll(".scene-navigator .note-count, .script-notes"));
        Assert.False(sessions.IsLoaded(scriptId), "reading the script page loaded its live session");
    }
}
