namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// The scale-out setup: instance A in this process and instance B as its own process, on one PostgreSQL, behind a
/// throwaway <c>redis-server</c>.
/// </summary>
internal sealed class ScaledOut : IAsyncDisposable
{
    private ScaledOut(RedisServer redis, ScreenplayApp a, ExternalApp b) => (Redis, A, B) = (redis, a, b);

    public RedisServer Redis { get; }

    public ScreenplayApp A { get; }

    public ExternalApp B { get; }

    public static async Task<ScaledOut> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var a = new ScreenplayApp();
        try
        {
            a.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
            await a.InitializeAsync();
            var b = await ExternalApp.StartAsync(a.ConnectionString,
                new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
            return new ScaledOut(redis, a, b);
        }
        catch
        {
            await a.DisposeAsync();
            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
