using Microsoft.Playwright;

namespace Screenplay.Web.Tests.Editor;

/// <summary>Browser contexts logged in as a test user: the user's auth cookie copied from their HTTP client.</summary>
internal static class BrowserLogin
{
    public static async Task<IBrowserContext> NewContextAsAsync(this BrowserFixture browser, TestUser user, Uri baseAddress)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1300, Height = 900 } });
        await context.AddCookiesAsync(user.Client.Cookies.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = baseAddress.ToString(),
        }));
        return context;
    }
}
