using Microsoft.Extensions.Options;

namespace Screenplay.Web.Collaboration;

/// <summary>Every <see cref="CollaborationOptions.SaveTextInterval"/>: copies open scripts' text into their rows and unloads idle ones.</summary>
internal sealed partial class SessionJanitor(ScriptSessions sessions, IOptions<CollaborationOptions> options, ILogger<SessionJanitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SaveTextInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sessions.SaveTextsAsync(stoppingToken);
                await sessions.UnloadIdleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly away; the log is safe and the next round tries again.
                LogRoundFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving or unloading open scripts failed")]
    private partial void LogRoundFailed(Exception exception);
}
