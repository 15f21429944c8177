using AngleSharp.Html.Parser;

namespace Screenplay.Web.Tests.Notes;

/// <summary>The script page shows notes read-only and open-note counts in its scene navigator.</summary>
public sealed class ScriptPageNotesTests(NotesApp notesApp) : IClassFixture<NotesApp>
{
    [Fact]
    public async Task A_reader_sees_the_notes_and_each_scenes_open_count_with_nothing_to_click_that_writes()
    {
        var cast = await notesApp.CastAsync();
        var scenes = (await notesApp.Notes.ListScenesAsync(cast.ScriptId, cast.Owner.Id))!;
        foreach (var body in new[] { "Tighten **this**. <script>alert(1)</script>", "And the [end](javascript:alert(2))." })
        {
            Assert.True((await notesApp.Notes.CreateAsync(cast.ScriptId, cast.Commenter.Id, scenes[1].Id, body)).Done);
        }

        var html = await (await cast.Reader.Client.GetAsync($"/scripts/{cast.ScriptId}")).Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal("2", page.QuerySelector(".scene-navigator [data-scene-notes='1']")!.TextContent);
        Assert.Null(page.QuerySelector(".scene-navigator [data-scene-notes='0']"));
        var notes = page.QuerySelectorAll(".script-notes .note-thread");
        Assert.Equal(2, notes.Length);
        Assert.Equal("this", notes[0].QuerySelector(".note-body strong")!.TextContent);
        Assert.Equal("Dana Director", notes[0].QuerySelector(".note-author")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".script-notes script, .script-notes button, .script-notes form, .script-notes textarea"));
        Assert.DoesNotContain(page.QuerySelectorAll(".script-notes a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }
}
