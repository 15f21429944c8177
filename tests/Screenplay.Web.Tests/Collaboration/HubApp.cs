namespace Screenplay.Web.Tests.Collaboration;

/// <summary>
/// The test host with small collaboration limits, so a test reaches them quickly: a short in-memory tail,
/// frequent snapshots, scripts unloaded after a second idle, a 20,000-character script limit.
/// </summary>
public sealed class HubApp : IAsyncLifetime
{
    public ScreenplayApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.Settings["Collaboration:TailCapacity"] = "20";
        App.Settings["Collaboration:SnapshotEvery"] = "10";
        App.Settings["Collaboration:IdleTimeout"] = "00:00:01";
        App.Settings["Collaboration:SaveTextInterval"] = "00:00:00.200";
        App.Settings["Limits:MaxScriptChars"] = "20000";
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
