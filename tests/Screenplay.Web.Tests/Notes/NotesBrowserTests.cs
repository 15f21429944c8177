using Microsoft.Playwright;
using Screenplay.Web.Data;
using Screenplay.Web.Tests.Editor;
using static Microsoft.Playwright.Assertions;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// End to end in headless Chromium over the real app: a director (Commenter) leaves a note on a scene from the live
/// editor page, and the writer's page shows it appear live (panel, scene list count, marker beside the heading)
/// without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotesBrowserTests(BrowserFixture browser, ScreenplayApp app) : IClassFixture<ScreenplayApp>, IAsyncLifetime
{
    private const string Script = "INT. KITCHEN - NIGHT\n\nAnna cooks.\n\nEXT. GARDEN - DAY\n\nBirds sing in the hedge.\n";

    private readonly BrowserSession browsers = new(browser);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await browsers.DisposeAsync();

    [Fact]
    public Task A_directors_note_appears_live_on_the_writers_page_with_its_marker() =>
        browsers.RunAsync(DirectorLeavesANoteAsync);

    private async Task DirectorLeavesANoteAsync()
    {
        var walt = await app.CreateUserAsync("Walt Writer");
        var dana = await app.CreateUserAsync("Dana Director");
        var scriptId = await walt.CreateScriptAsync("Notes live", Script);
        await walt.ShareAsync(scriptId, dana, ScriptRole.Commenter);

        var writer = await OpenAsync(walt, scriptId);
        var director = await OpenAsync(dana, scriptId);
        await Expect(writer.Locator("[data-test=no-threads]")).ToHaveTextAsync("No notes yet.");
        await Expect(writer.Locator(".sp-note-marker")).ToHaveCountAsync(0);

        // The director selects a passage of the garden scene and writes a note on it.
        await director.Locator(".cm-line", new() { HasText = "Birds sing" }).ClickAsync();
        await director.Keyboard.PressAsync("Home");
        await director.Keyboard.PressAsync("Shift+End");
        await director.Locator("[data-test=new-note]").ClickAsync();
        await Expect(director.Locator("[data-test=new-note-scene]")).ToHaveValueAsync(await SceneIdAsync(scriptId, 1));
        await Expect(director.Locator(".note-pin")).ToContainTextAsync("Birds sing in the hedge.");
        await director.Locator("[data-test=note-body]").PressSequentiallyAsync("Louder **birds**, @Walt");
        await director.Locator(".mention-suggestions button", new() { HasText = "@Walt Writer" }).ClickAsync();
        await Expect(director.Locator(".note-preview mark.mention")).ToHaveTextAsync("@Walt Writer");
        await Expect(director.Locator(".note-preview strong")).ToHaveTextAsync("birds");
        await director.Locator("button", new() { HasText = "Add note" }).ClickAsync();

        // The writer's page, untouched, shows it: the thread, the count in the scene list, a marker and the passage.
        var thread = writer.Locator(".note-thread");
        await Expect(thread).ToHaveCountAsync(1);
        await Expect(thread.Locator(".note-author")).ToHaveTextAsync("Dana Director");
        await Expect(thread.Locator(".note-body strong")).ToHaveTextAsync("birds");
        await Expect(thread.Locator(".note-body mark.mention")).ToHaveTextAsync("@Walt Writer");
        await Expect(thread.Locator(".note-mentions-me")).ToBeVisibleAsync();
        await Expect(writer.Locator("[data-scene-notes='1']")).ToHaveTextAsync("1");
        var marker = writer.Locator(".sp-note-marker");
        await Expect(marker).ToHaveCountAsync(1);
        await Expect(marker).ToHaveTextAsync("1");
        await Expect(writer.Locator(".sp-note-passage")).ToHaveTextAsync("Birds sing in the hedge.");

        // The marker sits on the garden heading's line and follows it when the writer adds a scene above.
        await writer.Locator(".cm-line", new() { HasText = "Anna cooks." }).ClickAsync();
        await writer.Keyboard.PressAsync("End");
        await writer.Keyboard.TypeAsync("\n\nINT. HALL - DAY\n\nSteps.");
        await Expect(director.Locator(".cm-content")).ToContainTextAsync("Steps.");
        var beside = await LineBesideMarkerAsync(writer, "EXT. GARDEN - DAY");
        Assert.True(beside == "EXT. GARDEN - DAY", beside);

        // Clicking the marker shows that scene's notes; the writer resolves the note and the director sees it.
        await marker.ClickAsync();
        await Expect(writer.Locator("[data-test=filter-scene]")).ToHaveValueAsync(await SceneIdAsync(scriptId, 2));
        await thread.Locator("button", new() { HasText = "Resolve" }).ClickAsync();
        await Expect(director.Locator(".note-thread.resolved")).ToHaveCountAsync(1);
        await Expect(director.Locator(".sp-note-marker")).ToHaveTextAsync("✓");
        await Expect(director.Locator("[data-test=open-count]")).ToHaveTextAsync("0 open");
    }

    /// <summary>The id of the scene at this 0-based place in the current text, from the server's scene rows.</summary>
    private async Task<string> SceneIdAsync(Guid scriptId, int ordinal)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = app.CreateDbContext();
            var id = db.Scenes.Where(s => s.ScriptId == scriptId && s.Ordinal == ordinal).Select(s => (Guid?)s.Id).SingleOrDefault();
            if (id is not null) return id.Value.ToString();
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No scene {ordinal}.");
    }

    /// <summary>
    /// The text of the editor line the (single) note marker is drawn level with, waiting a while for
    /// <paramref name="expected"/>: the marker must sit in the line's box (it hangs in the margin beside it).
    /// </summary>
    private static async Task<string> LineBesideMarkerAsync(IPage page, string expected)
    {
        var text = "";
        for (var attempt = 0; attempt < 50 && text != expected; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            text = await page.EvaluateAsync<string>("""
                () => {
                    const marker = document.querySelector('.sp-note-marker');
                    if (!marker) return '(no marker)';
                    const a = marker.getBoundingClientRect();
                    const middle = (a.top + a.bottom) / 2;
                    const line = [...document.querySelectorAll('.cm-line')].find(l => {
                        const b = l.getBoundingClientRect();
                        return middle >= b.top && middle <= b.bottom;
                    });
                    if (!line) return `(no line at ${middle})`;
                    const content = line.getBoundingClientRect();
                    if (a.right > content.left + 2) return '(marker over the text)';
                    return line.textContent.replace(marker.textContent, '');
                }
                """);
        }

        return text;
    }

    private async Task<IPage> OpenAsync(TestUser user, Guid scriptId)
    {
        var context = await browsers.NewContextAsync(user, app.BaseAddress, width: 1400);
        var page = await browsers.NewPageAsync(context, user.Name);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/scripts/{scriptId}/write").ToString());
        await Expect(page.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
        await Expect(page.Locator(".notes-panel .notes-filters")).ToBeVisibleAsync();
        return page;
    }
}
