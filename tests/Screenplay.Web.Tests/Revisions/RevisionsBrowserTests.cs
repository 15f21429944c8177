using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Screenplay.Web.Revisions;
using Screenplay.Web.Tests.Editor;
using static Microsoft.Playwright.Assertions;

namespace Screenplay.Web.Tests.Revisions;

/// <summary>
/// End to end in headless Chromium: a writer names a draft on the History page, edits in the live editor, compares
/// the draft with now, and restores it; the open editor shows the restored text without a reload, and the history
/// still holds the edit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RevisionsBrowserTests(BrowserFixture browser, ScreenplayApp app) : IClassFixture<ScreenplayApp>, IAsyncLifetime
{
    private const string Original = "INT. LIGHTHOUSE - NIGHT\n\nThe lamp turns slowly over a black sea.\n\nEXT. HARBOUR - DAWN\n\nGulls wheel over the boats.\n";

    private readonly BrowserSession browsers = new(browser);
    private IBrowserContext? context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await browsers.DisposeAsync();

    [Fact]
    public Task Name_a_draft_edit_compare_and_restore_it_live() =>
        browsers.RunAsync(NameEditCompareRestoreAsync);

    private async Task NameEditCompareRestoreAsync()
    {
        var writer = await app.CreateUserAsync("Wren");
        var scriptId = await writer.CreateScriptAsync("Lighthouse", Original);
        context = await browsers.NewContextAsync(writer, app.BaseAddress);
        var editor = await OpenAsync($"/scripts/{scriptId}/write");
        await Expect(editor.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
        await editor.EvaluateAsync("() => window.notReloaded = true");

        // Name a draft on the History page.
        var history = await OpenAsync($"/scripts/{scriptId}/history");
        await history.Locator("#name-draft input[name=name]").FillAsync("First Draft");
        await history.Locator("#name-draft button[type=submit]").ClickAsync();
        var draftRow = history.Locator(".drafts-table tbody tr", new() { HasText = "First Draft" });
        await Expect(draftRow).ToContainTextAsync("White");
        var draftVersion = int.Parse(await draftRow.Locator("td").Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // Edit in the live editor: a new line at the end of the lighthouse scene.
        await editor.Locator(".cm-line", new() { HasText = "The lamp turns slowly" }).ClickAsync();
        await editor.Keyboard.PressAsync("End");
        await editor.Keyboard.TypeAsync(" A ship's horn answers.");
        var edited = await TextAsync(editor);
        Assert.Contains("black sea. A ship's horn answers.", edited);
        await ServerHasAsync(scriptId, edited);

        // Compare the draft with now: the lighthouse scene changed, with the added words marked.
        await history.ReloadAsync();
        await draftRow.GetByRole(AriaRole.Link, new() { Name = "Compare with current" }).ClickAsync();
        var changed = history.Locator("li.scene-diff[data-difference=Changed]");
        await Expect(changed).ToHaveCountAsync(1);
        await Expect(changed.Locator("h3")).ToContainTextAsync("INT. LIGHTHOUSE - NIGHT");
        await Expect(changed.Locator("ins")).ToHaveTextAsync("A ship's horn answers.");
        await Expect(history.Locator("li.scene-diff")).ToHaveCountAsync(1);
        var editedVersion = int.Parse(new Uri(history.Url).Query.Split("to=")[1], System.Globalization.CultureInfo.InvariantCulture);

        // Restore the draft: the open editor shows the old text live, without a reload.
        await history.GotoAsync(new Uri(app.BaseAddress, $"/scripts/{scriptId}/history/{draftVersion}").ToString());
        await history.Locator("#restore button[type=submit]").ClickAsync();
        await Expect(history.Locator(".notice[role=status]")).ToContainTextAsync($"Restored version {draftVersion}");
        await Expect(editor.Locator(".cm-content")).Not.ToContainTextAsync("ship's horn");
        Assert.Equal(Original, await TextAsync(editor));
        Assert.True(await editor.EvaluateAsync<bool>("() => window.notReloaded === true"), "the editor page was reloaded");

        // Nothing after the draft is lost: the edited version still opens with the edit.
        await history.GotoAsync(new Uri(app.BaseAddress, $"/scripts/{scriptId}/history/{editedVersion}").ToString());
        await Expect(history.Locator("pre.fountain-source")).ToHaveTextAsync(edited);
    }

    /// <summary>Waits until the head of the script's edit log is <paramref name="text"/>.</summary>
    private async Task ServerHasAsync(Guid scriptId, string text)
    {
        var history = app.Services.GetRequiredService<ScriptHistory>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await history.TextAtAsync(scriptId, await history.HeadVersionAsync(scriptId)) != text)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The server never had the edited text");
            await Task.Delay(50);
        }
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browsers.NewPageAsync(context!);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        return page;
    }

    private static Task<string> TextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.script-editor').screenplayEditor.getText()");
}
