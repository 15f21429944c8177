using Microsoft.Playwright;
using Screenplay.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// End to end: the real app on loopback (PostgreSQL, the script hub), people logged in as themselves in headless
/// Chromium, typing in the same script on the live editor page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveEditingBrowserTests(BrowserFixture browser, ScreenplayApp app) : IClassFixture<ScreenplayApp>, IAsyncLifetime
{
    private readonly BrowserSession browsers = new(browser);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await browsers.DisposeAsync();

    /// <summary>A browser tab of <paramref name="user"/> (their login cookie) on the script's live editor page.</summary>
    private async Task<IPage> OpenLiveEditorAsync(TestUser user, Guid scriptId) =>
        await OpenLiveEditorAsync(await NewBrowserAsync(user), user, scriptId);

    /// <summary>A browser profile (cookies, storage) logged in as <paramref name="user"/>.</summary>
    private Task<IBrowserContext> NewBrowserAsync(TestUser user) => browsers.NewContextAsync(user, app.BaseAddress);

    private async Task<IPage> OpenLiveEditorAsync(IBrowserContext context, TestUser user, Guid scriptId)
    {
        var page = await browsers.NewPageAsync(context, user.Name);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/scripts/{scriptId}/write").ToString());
        await Expect(page.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
        return page;
    }

    private static Task<string> TextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.script-editor').screenplayEditor.getText()");

    private static async Task TypeAtEndAsync(IPage page, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text);
    }

    [Fact]
    public Task Two_writers_see_each_others_text_and_cursor_and_a_reader_cannot_type() =>
        browsers.RunAsync(TwoWritersAndAReaderAsync);

    private async Task TwoWritersAndAReaderAsync()
    {
        var ann = await app.CreateUserAsync("Ann");
        var ben = await app.CreateUserAsync("Ben");
        var cy = await app.CreateUserAsync("Cy");
        var scriptId = await ann.CreateScriptAsync("Live", "INT. STAGE 4 - NIGHT\n\nDarkness.");
        await ann.ShareAsync(scriptId, ben, ScriptRole.Writer);
        await ann.ShareAsync(scriptId, cy, ScriptRole.Reader);

        var annPage = await OpenLiveEditorAsync(ann, scriptId);
        var benPage = await OpenLiveEditorAsync(ben, scriptId);
        var cyPage = await OpenLiveEditorAsync(cy, scriptId);

        await Expect(annPage.Locator(".cm-sp-people")).ToContainTextAsync("Ben");
        await TypeAtEndAsync(annPage, " A work light.");
        await Expect(benPage.Locator(".cm-content")).ToContainTextAsync("Darkness. A work light.");
        await Expect(benPage.Locator(".cm-sp-peer-name", new() { HasText = "Ann" })).ToBeVisibleAsync();

        await benPage.Locator(".cm-content").ClickAsync();
        await benPage.Keyboard.PressAsync("Control+Home");
        await benPage.Keyboard.TypeAsync("FADE IN:");
        await benPage.Keyboard.PressAsync("Enter");
        await benPage.Keyboard.PressAsync("Enter");
        await Expect(annPage.Locator(".cm-content")).ToContainTextAsync("FADE IN:");
        await Expect(annPage.Locator(".cm-sp-peer-name", new() { HasText = "Ben" })).ToBeVisibleAsync();

        // The reader sees everything live, and nothing they type goes anywhere.
        await Expect(cyPage.Locator(".cm-content")).ToContainTextAsync("A work light.");
        await Expect(cyPage.Locator(".cm-sp-status-mode")).ToHaveTextAsync("Read-only");
        await cyPage.Locator(".cm-content").ClickAsync();
        await cyPage.Keyboard.TypeAsync("scribble");
        await Expect(annPage.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
        await Expect(benPage.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();

        const string expected = "FADE IN:\n\nINT. STAGE 4 - NIGHT\n\nDarkness. A work light.";
        await AssertEventuallyAsync(async () => await TextAsync(annPage) == expected && await TextAsync(benPage) == expected
            && await TextAsync(cyPage) == expected, "all three pages show the same text");
        Assert.DoesNotContain("scribble", await TextAsync(cyPage));
    }

    [Fact]
    public Task Statistics_follow_the_text_for_everyone_in_the_script() => browsers.RunAsync(async () =>
    {
        var ann = await app.CreateUserAsync("Ann");
        var ben = await app.CreateUserAsync("Ben");
        var scriptId = await ann.CreateScriptAsync("Counted", "INT. STAGE 4 - NIGHT\n\nDarkness.");
        await ann.ShareAsync(scriptId, ben, ScriptRole.Reader);
        var annPage = await OpenLiveEditorAsync(ann, scriptId);
        var benPage = await OpenLiveEditorAsync(ben, scriptId);
        await Expect(annPage.Locator(".live-stats [data-stat=scenes]")).ToHaveTextAsync("1");
        await Expect(benPage.Locator(".live-stats .dialogue-chart")).ToHaveCountAsync(0);

        await annPage.Locator(".cm-content").ClickAsync();
        await annPage.Keyboard.PressAsync("Control+End");
        await annPage.Keyboard.InsertTextAsync("\n\nEXT. ROOF - DAY\n\nRain.\n\nBEN\nWho turned the lights off?\n");

        // The writer and the reader watching both see the new scene, its location and the first speaker.
        foreach (var page in new[] { annPage, benPage })
        {
            await Expect(page.Locator(".live-stats [data-stat=scenes]")).ToHaveTextAsync("2");
            await Expect(page.Locator(".live-stats [data-location='ROOF']")).ToBeVisibleAsync();
            await Expect(page.Locator(".live-stats .dialogue-chart [data-character='BEN']")).ToBeVisibleAsync();
        }
    });

    [Fact]
    public Task Edits_typed_offline_reach_the_others_when_the_page_is_opened_again() => browsers.RunAsync(async () =>
    {
        var ann = await app.CreateUserAsync("Ann");
        var ben = await app.CreateUserAsync("Ben");
        var scriptId = await ann.CreateScriptAsync("Train", "INT. TRAIN - NIGHT\n\nDarkness.");
        await ann.ShareAsync(scriptId, ben, ScriptRole.Writer);
        var annBrowser = await NewBrowserAsync(ann);
        var annPage = await OpenLiveEditorAsync(annBrowser, ann, scriptId);
        var benPage = await OpenLiveEditorAsync(ben, scriptId);

        await annBrowser.SetOfflineAsync(true);
        await Expect(annPage.Locator(".cm-sp-status[data-status=offline]")).ToBeVisibleAsync();
        await TypeAtEndAsync(annPage, " A tunnel.");
        await Expect(annPage.Locator(".cm-sp-status-state")).ToContainTextAsync("unsaved edits kept");
        await TypeAtEndAsync(benPage, " Lights flicker.");
        await annPage.CloseAsync();
        await annBrowser.SetOfflineAsync(false);

        var again = await OpenLiveEditorAsync(annBrowser, ann, scriptId);
        await Expect(again.Locator(".cm-sp-status-notice")).ToContainTextAsync("offline edits restored");
        await AssertEventuallyAsync(async () =>
        {
            var text = await TextAsync(benPage);
            return text == await TextAsync(again) && text.Contains(" A tunnel.", StringComparison.Ordinal)
                && text.Contains(" Lights flicker.", StringComparison.Ordinal) && text.Length == "INT. TRAIN - NIGHT\n\nDarkness. A tunnel. Lights flicker.".Length;
        }, "both pages show both writers' words, once");
    });

    [Fact]
    public Task Edits_typed_offline_right_before_the_tab_is_closed_are_kept() => browsers.RunAsync(async () =>
    {
        var ann = await app.CreateUserAsync("Ann");
        var scriptId = await ann.CreateScriptAsync("Tunnel", "INT. TRAIN - NIGHT\n\nDarkness.");
        var annBrowser = await NewBrowserAsync(ann);
        var annPage = await OpenLiveEditorAsync(annBrowser, ann, scriptId);
        await annBrowser.SetOfflineAsync(true);
        await Expect(annPage.Locator(".cm-sp-status[data-status=offline]")).ToBeVisibleAsync();

        // One edit, and the tab closed at once: well within the storage write's delay, so only pagehide can keep it.
        await annPage.Locator(".cm-content").ClickAsync();
        await annPage.Keyboard.PressAsync("Control+End");
        await annPage.Keyboard.InsertTextAsync(" A tunnel.");
        annPage.Dialog += (_, dialog) => _ = dialog.AcceptAsync(); // the unsaved-edits question before leaving
        await annPage.CloseAsync(new() { RunBeforeUnload = true });
        await AssertEventuallyAsync(() => Task.FromResult(annPage.IsClosed), "the tab closes");
        await annBrowser.SetOfflineAsync(false);

        var again = await OpenLiveEditorAsync(annBrowser, ann, scriptId);
        await Expect(again.Locator(".cm-sp-status-notice")).ToContainTextAsync("1 offline edit restored");
        Assert.Equal("INT. TRAIN - NIGHT\n\nDarkness. A tunnel.", await TextAsync(again));
    });

    [Fact]
    public Task Undo_takes_back_only_ones_own_typing_and_replace_all_reaches_the_other_writer() => browsers.RunAsync(async () =>
    {
        var ann = await app.CreateUserAsync("Ann");
        var ben = await app.CreateUserAsync("Ben");
        var scriptId = await ann.CreateScriptAsync("Undo", "INT. STAGE 4 - NIGHT\n\nDarkness.");
        await ann.ShareAsync(scriptId, ben, ScriptRole.Writer);
        var annPage = await OpenLiveEditorAsync(ann, scriptId);
        var benPage = await OpenLiveEditorAsync(ben, scriptId);

        await TypeAtEndAsync(annPage, " Rain.");
        await Expect(benPage.Locator(".cm-content")).ToContainTextAsync("Darkness. Rain.");
        await TypeAtEndAsync(benPage, " Thunder.");
        await Expect(annPage.Locator(".cm-content")).ToContainTextAsync("Rain. Thunder.");
        await annPage.Keyboard.PressAsync("Control+z");
        await AssertEventuallyAsync(async () => await TextAsync(benPage) == "INT. STAGE 4 - NIGHT\n\nDarkness. Thunder."
            && await TextAsync(annPage) == "INT. STAGE 4 - NIGHT\n\nDarkness. Thunder.", "Ann's undo took back her words, not Ben's");

        await annPage.Keyboard.PressAsync("Control+f");
        await annPage.Locator(".cm-search input[name=search]").FillAsync("Darkness");
        await annPage.Locator(".cm-search input[name=replace]").FillAsync("Silence");
        await annPage.Locator(".cm-search button[name=replaceAll]").ClickAsync();
        await AssertEventuallyAsync(async () => await TextAsync(benPage) == "INT. STAGE 4 - NIGHT\n\nSilence. Thunder.", "Ben sees the replacement");
        await Expect(annPage.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
    });

    [Fact]
    public async Task A_stranger_gets_not_found_and_no_editor()
    {
        var ann = await app.CreateUserAsync("Ann");
        var stranger = await app.CreateUserAsync("Stranger");
        var scriptId = await ann.CreateScriptAsync("Private", "INT. VAULT - NIGHT");

        var response = await stranger.Client.GetAsync($"/scripts/{scriptId}/write");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("script-editor", await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertEventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(100);
        }
    }
}
