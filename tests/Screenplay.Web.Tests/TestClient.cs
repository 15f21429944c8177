using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Screenplay.Web.Tests;

/// <summary>
/// An HTTP client that behaves like a browser without JavaScript: keeps cookies, reads forms out of pages and posts
/// them with their antiforgery token. Redirects are not followed so tests can assert them.
/// </summary>
public sealed class TestClient : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private readonly HttpClient _http;
    private string? _token;

    public TestClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<IDocument> GetHtmlAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    /// <summary>GETs <paramref name="pagePath"/>, fills the form matching <paramref name="formSelector"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pagePath, string formSelector, Dictionary<string, string> values)
    {
        var page = await GetHtmlAsync(pagePath);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pagePath}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input")
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "checkbox")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in values) fields[key] = value;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pagePath : form.GetAttribute("action")!;
        var response = await _http.PostAsync(action, new FormUrlEncodedContent(fields));
        _token = null; // a login or logout changes the identity the token is bound to
        return response;
    }

    /// <summary>Posts form fields (and optionally a file) to an endpoint with a valid antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string>? values = null,
        (string Field, string FileName, byte[] Content)? file = null)
    {
        _token ??= await FetchTokenAsync();
        var fields = new Dictionary<string, string>(values ?? []) { [AntiforgeryField] = _token };
        if (file is null) return await _http.PostAsync(path, new FormUrlEncodedContent(fields));

        using var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
        multipart.Add(new ByteArrayContent(file.Value.Content), file.Value.Field, file.Value.FileName);
        return await _http.PostAsync(path, multipart);
    }

    /// <summary>Posts without any antiforgery token, as a cross-site forgery would.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path, Dictionary<string, string> values) =>
        _http.PostAsync(path, new FormUrlEncodedContent(values));

    private async Task<string> FetchTokenAsync()
    {
        var page = await GetHtmlAsync("/account/password");
        return page.QuerySelector<IHtmlInputElement>($"input[name={AntiforgeryField}]")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on /account/password");
    }

    public void Dispose() => _http.Dispose();
}
