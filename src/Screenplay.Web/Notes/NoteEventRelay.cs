using System.Text.Json;
using StackExchange.Redis;
using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Notes;

/// <summary>
/// With Redis configured (the same <c>ConnectionStrings:Redis</c> as the SignalR backplane), carries note and scene
/// events between app instances, so in-process subscribers (<see cref="NoteEvents.Subscribe"/>, the Blazor notes
/// panel) on every instance hear what happened on any of them. Browsers already get them through the backplane.
/// </summary>
internal sealed partial class NoteEventRelay(IConfiguration configuration, ILogger<NoteEventRelay> logger) : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("screenplay:notes");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Guid origin = Guid.NewGuid();
    private ConnectionMultiplexer? redis;

    /// <summary>Called with events raised on other instances.</summary>
    public Func<object, Task>? Received { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = configuration.GetConnectionString(CollaborationSetup.RedisConnectionName);
        if (string.IsNullOrWhiteSpace(connection)) return;
        redis = await ConnectionMultiplexer.ConnectAsync(connection);
        await redis.GetSubscriber().SubscribeAsync(Channel, (channel, message) => { _ = OnMessageAsync(message); });
    }

    public async Task PublishAsync(object e)
    {
        if (redis is null) return;
        var envelope = new Envelope(origin, e is NoteEvent ? "note" : "scenes", JsonSerializer.SerializeToElement(e, e.GetType(), Json));
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(envelope, Json));
        }
        catch (Exception ex)
        {
            LogRelayFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (redis is not null) await redis.DisposeAsync();
    }

    private async Task OnMessageAsync(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message!, Json);
            if (envelope is null || envelope.Origin == origin || Received is not { } received) return;
            object? e = envelope.Kind == "note"
                ? envelope.Payload.Deserialize<NoteEvent>(Json)
                : envelope.Payload.Deserialize<ScenesEvent>(Json);
            if (e is not null) await received(e);
        }
        catch (Exception ex)
        {
            LogRelayFailed(ex);
        }
    }

    private sealed record Envelope(Guid Origin, string Kind, JsonElement Payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying a notes event through Redis failed")]
    private partial void LogRelayFailed(Exception exception);
}
