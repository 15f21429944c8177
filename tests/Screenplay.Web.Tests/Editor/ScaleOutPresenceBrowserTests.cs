using Microsoft.Playwright;
using Screenplay.Web.Data;
using Screenplay.Web.Tests.Collaboration;
using static Microsoft.Playwright.Assertions;

namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// Presence across app instances: two instances behind one PostgreSQL and a real redis-server, a writer in Chromium on
/// each. Each sees the other and their cursor; when one instance is SIGKILLed, its people leave everyone's list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScaleOutPresenceBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly BrowserSession browsers = new(browser);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await browsers.DisposeAsync();

    [RedisFact]
    public async Task Writers_on_two_instances_see_each_other_and_a_dead_instances_writer_leaves()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Collaboration:PresenceHeartbeat"] = "00:00:00.500",
        };
        var instanceA = new ScreenplayApp();
        foreach (var (key, value) in settings) instanceA.Settings[key] = value;
        await instanceA.InitializeAsync();
        ExternalApp? b = null;
        try
        {
            await browsers.RunAsync(async () =>
            {
                // Development: the only environment where the app serves static web assets from the build output (the
                // Blazor script, the editor bundle) without being published.
                await using var instanceB = b = await ExternalApp.StartAsync(instanceA.ConnectionString,
                    new Dictionary<string, string?>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
                var ann = await instanceA.CreateUserAsync("Ann");
                var ben = await instanceA.CreateUserAsync("Ben");
                var scriptId = await ann.CreateScriptAsync("Two rooms", "INT. STAGE 4 - NIGHT\n\nDarkness.");
                await ann.ShareAsync(scriptId, ben, ScriptRole.Writer);

                var annPage = await OpenAsync(ann, instanceA.BaseAddress, scriptId);
                await annPage.Locator(".cm-content").ClickAsync();
                await annPage.Keyboard.PressAsync("Control+End"); // Ann's cursor is somewhere before Ben arrives
                var benPage = await OpenAsync(ben, instanceB.BaseAddress, scriptId);

                // Ben's instance cannot list Ann in Open's answer: she answers his hello, cursor and all.
                await Expect(benPage.Locator(".cm-sp-people")).ToContainTextAsync("Ann");
                await Expect(benPage.Locator(".cm-sp-peer-name", new() { HasText = "Ann" })).ToBeVisibleAsync();
                await Expect(annPage.Locator(".cm-sp-people")).ToContainTextAsync("Ben");
                await benPage.Locator(".cm-content").ClickAsync();
                await Expect(annPage.Locator(".cm-sp-peer-name", new() { HasText = "Ben" })).ToBeVisibleAsync();

                instanceB.Kill();
                // Nobody told Ann's instance that Ben left; his silence does.
                await Expect(annPage.Locator(".cm-sp-people")).Not.ToContainTextAsync("Ben");
                await Expect(annPage.Locator(".cm-sp-peer-name")).ToHaveCountAsync(0);
            }, () => $"Instance B:\n{b?.Output}");
        }
        finally
        {
            await instanceA.DisposeAsync();
        }
    }

    private async Task<IPage> OpenAsync(TestUser user, Uri instance, Guid scriptId)
    {
        var context = await browsers.NewContextAsync(user, instance);
        var page = await browsers.NewPageAsync(context, user.Name);
        await page.GotoAsync(new Uri(instance, $"/scripts/{scriptId}/write").ToString());
        await Expect(page.Locator(".cm-sp-status[data-status=saved]")).ToBeVisibleAsync();
        return page;
    }
}
