using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Data;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>The hub's cached access checks against a real PostgreSQL, counting the queries they make.</summary>
public sealed class HubAccessTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    [Fact]
    public async Task Calls_arriving_while_a_standing_is_looked_up_share_that_one_query_and_ask_again_once_it_expires()
    {
        var owner = await app.CreateUserAsync();
        var scriptId = await owner.CreateScriptAsync("Access");
        var contexts = new CountingFactory(app.Services.GetRequiredService<IDbContextFactory<ScreenplayDbContext>>());
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var access = new HubAccess(new ScriptAccess(contexts),
            Options.Create(new CollaborationOptions { AccessCacheDuration = TimeSpan.FromSeconds(2) }), clock);

        // Twenty pushes of a script's editors at once, the cache empty: one query answers them all.
        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => access.CheckAsync(scriptId, owner.Id, ScriptAction.Edit)));
        Assert.All(first, r => Assert.Equal(AccessOutcome.Allowed, r.Outcome));
        Assert.Equal(1, contexts.Created);

        clock.Now += TimeSpan.FromSeconds(1);
        await access.CheckAsync(scriptId, owner.Id, ScriptAction.Edit);
        Assert.Equal(1, contexts.Created);

        // Expired: the next burst asks again, once.
        clock.Now += TimeSpan.FromSeconds(1.5);
        var second = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => access.CheckAsync(scriptId, owner.Id, ScriptAction.Edit)));
        Assert.All(second, r => Assert.Equal(AccessOutcome.Allowed, r.Outcome));
        Assert.Equal(2, contexts.Created);

        // A stranger is refused from the same shared path.
        Assert.Equal(AccessOutcome.NotFound, (await access.CheckAsync(scriptId, "someone-else", ScriptAction.Read)).Outcome);
    }

    [Fact]
    public async Task A_removed_writers_open_editor_has_its_pushes_refused_by_the_hub_once_the_cached_standing_expires()
    {
        var owner = await app.CreateUserAsync("Owner");
        var writer = await app.CreateUserAsync("Writer");
        var scriptId = await owner.CreateScriptAsync("Revoked", "FADE IN:\n");
        await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
        await using var tab = await writer.OpenEditorAsync(scriptId, app.BaseAddress);
        tab.Insert(9, "A");
        await tab.SettleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FADE IN:\nA", tab.Text);

        // Removed while the editor stays open on the same connection: no new Open, only the cache entry expiring.
        using var removed = await owner.Client.PostFormAsync($"/scripts/{scriptId}/members/{writer.Id}/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var cached = app.Services.GetRequiredService<IOptions<CollaborationOptions>>().Value.AccessCacheDuration;
        Assert.True(cached > TimeSpan.Zero, "this test is about the cached standing");
        await Task.Delay(cached + TimeSpan.FromMilliseconds(250));

        var update = new JsonObject { ["clientId"] = tab.ClientId, ["changes"] = JsonNode.Parse("[10,[0,\"B\"]]") };
        var push = await Assert.ThrowsAsync<HubException>(() => tab.Connection.InvokeAsync<JsonObject>("Push", scriptId, tab.Version, new JsonArray(update)));
        Assert.Contains("Script not found", push.Message);
        var pull = await Assert.ThrowsAsync<HubException>(() => tab.Connection.InvokeAsync<JsonObject>("Pull", scriptId, 0));
        Assert.Contains("Script not found", pull.Message);
        await using var db = app.CreateDbContext();
        // The text saved at creation and the writer's "A": nothing after the removal.
        Assert.Equal(2, await db.ScriptUpdates.CountAsync(u => u.ScriptId == scriptId));
    }

    private sealed class CountingFactory(IDbContextFactory<ScreenplayDbContext> inner) : IDbContextFactory<ScreenplayDbContext>
    {
        private int created;

        public int Created => Volatile.Read(ref created);

        public ScreenplayDbContext CreateDbContext()
        {
            Interlocked.Increment(ref created);
            return inner.CreateDbContext();
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
