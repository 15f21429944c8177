namespace Screenplay.Web.Tests.Revisions;

/// <summary>The test host with history settings small enough for a test: a checkpoint every 5 updates or after a second idle.</summary>
public sealed class RevisionsApp : IAsyncLifetime
{
    public ScreenplayApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Revisions:CheckpointEvery"] = "5";
        App.Settings["Revisions:CheckpointPause"] = "00:00:01";
        App.Settings["Revisions:ScanInterval"] = "00:00:00.100";
        App.Settings["Collaboration:SnapshotEvery"] = "7";
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
