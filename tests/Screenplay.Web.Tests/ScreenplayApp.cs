using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Data;

namespace Screenplay.Web.Tests;

/// <summary>
/// The real app, served by Kestrel on a loopback port over a fresh PostgreSQL database, driven over HTTP like a
/// browser would (cookies, antiforgery tokens, form posts). Use it as an xUnit class fixture: one app per test class.
/// </summary>
public sealed class ScreenplayApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private int _users;

    public string ConnectionString { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Extra configuration for subclasses or tests that need different limits.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:Seed"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
    };

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Screenplay", ConnectionString);
            // Port 0: the OS picks a free loopback port, so test classes run side by side.
            web.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            // Outside Development the framework's assets (blazor.web.js) and the editor bundle are only found through
            // the static web assets manifest; browser tests of interactive pages need them.
            web.UseStaticWebAssets();
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>A fresh browser-like client: its own cookies, no automatic redirects (tests look at them).</summary>
    public TestClient CreateClient() => new(BaseAddress);

    public ScreenplayDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ScreenplayDbContext>>().CreateDbContext();

    /// <summary>Registers a new account through the register page and returns its logged-in client.</summary>
    public async Task<TestUser> CreateUserAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref _users);
        name ??= $"User {n}";
        var email = $"user{n}-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        var client = CreateClient();
        var response = await client.SubmitFormAsync("/account/register", "#register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registration failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
        await using var db = CreateDbContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new TestUser(this, client, id, name, email, password);
    }
}
