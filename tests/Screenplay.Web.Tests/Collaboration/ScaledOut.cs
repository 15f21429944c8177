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

    /// <param name="settings">Configuration for both instances (for example shorter collaboration intervals).</param>
    public static async Task<ScaledOut> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var redis = await RedisServer.StartAsync();
        var a = new ScreenplayApp();
        try
        {
            var shared = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
            };
            foreach (var (key, value) in shared) a.Settings[key] = value;
            await a.InitializeAsync();
            var b = await ExternalApp.StartAsync(a.ConnectionString, shared);
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
