namespace Screenplay.Web.Data;

/// <summary>
/// The full text of a script at <see cref="Version"/>, written every few hundred edits so that opening a script
/// replays only the log entries after the newest snapshot.
/// </summary>
public sealed class ScriptSnapshot
{
    public Guid ScriptId { get; set; }
    public int Version { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
