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
