using System.Net;
using System.Text.RegularExpressions;

namespace Screenplay.LoadTest;

/// <summary>A logged-in account on a running app, driven through its HTML forms like a browser: register, create scripts.</summary>
internal sealed partial class SiteSession : IDisposable
{
    private readonly HttpClient http;

    public SiteSession(Uri baseAddress)
    {
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Registers a fresh account (which logs it in).</summary>
    public async Task RegisterAsync(string name, string email, string password)
    {
        var response = await SubmitAsync("/account/register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Registering {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>Creates a script holding <paramref name="text"/>; returns its id.</summary>
    public async Task<Guid> CreateScriptAsync(string title, string text)
    {
        var token = await TokenAsync("/account/password");
        var created = await http.PostAsync("/scripts", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = title, ["__RequestVerificationToken"] = token }));
        var location = created.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Creating a script failed: {(int)created.StatusCode}");
        var id = Guid.Parse(location.AsSpan("/scripts/".Length, 36));
        var saved = await http.PostAsync($"/scripts/{id}/text", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = text, ["__RequestVerificationToken"] = token }));
        if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Saving the script's text failed: {(int)saved.StatusCode}");
        return id;
    }

    private async Task<HttpResponseMessage> SubmitAsync(string path, Dictionary<string, string> values)
    {
        var html = await http.GetStringAsync(path);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in values) fields[key] = value;
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<string> TokenAsync(string path)
    {
        var html = await http.GetStringAsync(path);
        foreach (Match m in HiddenInput().Matches(html))
        {
            if (m.Groups["name"].Value == "__RequestVerificationToken") return WebUtility.HtmlDecode(m.Groups["value"].Value);
        }
        throw new InvalidOperationException("No antiforgery token on " + path);
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    public void Dispose() => http.Dispose();
}
