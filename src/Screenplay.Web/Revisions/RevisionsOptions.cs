namespace Screenplay.Web.Revisions;

/// <summary>History settings (configuration section <c>Revisions</c>).</summary>
public sealed class RevisionsOptions
{
    public const string Section = "Revisions";

    /// <summary>A checkpoint is written at least every this many updates, so opening any point replays fewer than this.</summary>
    public int CheckpointEvery { get; set; } = 200;

    /// <summary>A checkpoint is written once nobody has edited the script for this long.</summary>
    public TimeSpan CheckpointPause { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the checkpoint writer looks for scripts with new updates.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);
}
