namespace Screenplay.Web.Tests;

/// <summary>
/// The test host with limits small enough for a test to reach them quickly: a short in-memory tail, a snapshot every
/// 7 updates, scripts unloaded after a second idle, the text saved every 200 ms, a 20,000-character script limit, and
/// a history checkpoint every 5 updates or after a second's pause (the background writer looking every 100 ms).
/// </summary>
public sealed class SmallLimitsApp : IAsyncLifetime
{
    public ScreenplayApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Collaboration:TailCapacity"] = "20";
        App.Settings["Collaboration:SnapshotEvery"] = "7";
        App.Settings["Collaboration:IdleTimeout"] = "00:00:01";
        App.Settings["Collaboration:SaveTextInterval"] = "00:00:00.200";
        App.Settings["Limits:MaxScriptChars"] = "20000";
        App.Settings["Revisions:CheckpointEvery"] = "5";
        App.Settings["Revisions:CheckpointPause"] = "00:00:01";
        App.Settings["Revisions:ScanInterval"] = "00:00:00.100";
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
