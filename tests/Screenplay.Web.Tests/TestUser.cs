using System.Net;
using Microsoft.EntityFrameworkCore;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests;

/// <summary>A registered person with a logged-in client, and the things they do, in the app's words.</summary>
public sealed class TestUser(ScreenplayApp app, TestClient client, string id, string name, string email, string password)
{
    public TestClient Client { get; } = client;
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Email { get; } = email;
    public string Password { get; private set; } = password;

    public async Task<HttpResponseMessage> LoginAsync(string? password = null) =>
        await Client.SubmitFormAsync("/account/login", "#login", new()
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = password ?? Password,
        });

    public Task<HttpResponseMessage> LogoutAsync() => Client.PostFormAsync("/account/logout");

    /// <summary>Creates a script (and saves <paramref name="text"/> into it when given); returns its id.</summary>
    public async Task<Guid> CreateScriptAsync(string title = "Untitled", string? text = null)
    {
        using var response = await Client.PostFormAsync("/scripts", new() { ["title"] = title });
        var id = ScriptIdFrom(response);
        if (text is not null) await SaveTextAsync(id, text);
        return id;
    }

    public async Task SaveTextAsync(Guid scriptId, string text)
    {
        using var response = await Client.PostFormAsync($"/scripts/{scriptId}/text", new() { ["text"] = text });
        EnsureRedirect(response);
    }

    public Task<HttpResponseMessage> ImportAsync(string fileName, byte[] content) =>
        Client.PostFormAsync("/scripts/import", file: ("file", fileName, content));

    public async Task ShareAsync(Guid scriptId, TestUser with, ScriptRole role)
    {
        using var response = await Client.PostFormAsync($"/scripts/{scriptId}/members", new() { ["email"] = with.Email, ["role"] = role.ToString() });
        EnsureRedirect(response);
        if (response.Headers.Location?.OriginalString.Contains("error=") == true)
        {
            throw new InvalidOperationException("Sharing failed: " + WebUtility.UrlDecode(response.Headers.Location.OriginalString));
        }
    }

    public async Task<Script> LoadScriptAsync(Guid scriptId)
    {
        await using var db = app.CreateDbContext();
        return await db.Scripts.AsNoTracking().Include(s => s.Members).Include(s => s.Revisions).SingleAsync(s => s.Id == scriptId);
    }

    public static Guid ScriptIdFrom(HttpResponseMessage response)
    {
        EnsureRedirect(response);
        var location = response.Headers.Location!.OriginalString;
        const string prefix = "/scripts/";
        if (!location.StartsWith(prefix)) throw new InvalidOperationException($"Expected a redirect to a script, got {location}");
        return Guid.Parse(location.AsSpan(prefix.Length, 36));
    }

    private static void EnsureRedirect(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
