using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Screenplay.Web.Collaboration;

/// <summary>
/// Live co-writing: the script hub, the per-instance session registry over the PostgreSQL edit log, presence, and
/// Redis scale-out when <c>ConnectionStrings:Redis</c> is set (docs/operations.md).
/// </summary>
internal static class CollaborationSetup
{
    public const string RedisConnectionName = "Redis";

    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CollaborationOptions.Section);
        builder.Services.Configure<CollaborationOptions>(section);
        var options = section.Get<CollaborationOptions>() ?? new CollaborationOptions();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UpdateLogWriter>();
        builder.Services.AddSingleton<PostgresUpdateLog>();
        builder.Services.AddSingleton<ScriptSessions>();
        builder.Services.AddSingleton<ScriptPresence>();
        builder.Services.AddSingleton<LiveStatistics>();
        builder.Services.AddSingleton<HubAccess>();
        builder.Services.AddHostedService<SessionJanitor>();

        var signalR = builder.Services.AddSignalR(hub => hub.MaximumReceiveMessageSize = options.MaxMessageBytes);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Groups and broadcasts go through Redis, so a script's editors on every instance get every update.
            signalR.AddStackExchangeRedis(redis, r => r.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("screenplay"));
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapCollaboration(this IEndpointRouteBuilder app)
    {
        app.MapHub<ScriptHub>(ScriptHub.Path);
        return app;
    }
}
