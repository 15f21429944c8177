using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// What one browser test keeps around the shared Chromium (<see cref="BrowserFixture"/>): the contexts (browser
/// profiles) it opened, closed when it ends, and what its pages said (console, page errors, failed requests), which
/// <see cref="RunAsync"/> adds to a failure. Make one per test class instance and dispose it in <c>DisposeAsync</c>.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly BrowserFixture browser;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> console = [];

    public BrowserSession(BrowserFixture browser)
    {
        this.browser = browser;
        // Pages of the real app on a loaded two-core machine: the default five seconds is too short for a first render.
        SetDefaultExpectTimeout(15_000);
    }

    /// <summary>What the pages said so far, one line each, prefixed with the name they were opened under.</summary>
    public string Console
    {
        get { lock (console) return string.Join('\n', console); }
    }

    /// <summary>
    /// A browser profile (cookies, storage), logged in as <paramref name="user"/> on the app at
    /// <paramref name="baseAddress"/> (their auth cookie copied from their HTTP client) when one is given.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(TestUser? user = null, Uri? baseAddress = null, int width = 1300, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } });
        contexts.Add(context);
        if (user is not null)
        {
            ArgumentNullException.ThrowIfNull(baseAddress);
            await context.AddCookiesAsync(user.Client.Cookies.GetAllCookies().Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Url = baseAddress.ToString(),
            }));
        }

        return context;
    }

    /// <summary>A new tab in <paramref name="context"/> whose console, errors and failed requests are recorded under <paramref name="name"/>.</summary>
    public async Task<IPage> NewPageAsync(IBrowserContext context, string? name = null)
    {
        var page = await context.NewPageAsync();
        var prefix = name is null ? "" : name + ": ";
        page.Console += (_, message) => Record($"{prefix}{message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"{prefix}page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) Record($"{prefix}HTTP {response.Status} {response.Url}");
        };
        return page;
    }

    /// <summary>Runs a test's steps; a failure is rethrown with what the browser said (and <paramref name="more"/>, if any).</summary>
    public async Task RunAsync(Func<Task> steps, Func<string?>? more = null)
    {
        try
        {
            await steps();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var extra = more?.Invoke();
            throw new InvalidOperationException($"{ex.Message}\nBrowser console:\n{Console}{(extra is null ? "" : "\n" + extra)}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    private void Record(string line)
    {
        lock (console) console.Add(line);
    }
}
