namespace Screenplay.Web.Data;

/// <summary>
/// One accepted edit in a script's durable log. <see cref="Version"/> is the version the edit applies to (the first
/// edit of a script has version 0), and (script, version) is the primary key: whichever app instance inserts a
/// version first owns it, so two instances can never both accept different edits as the same version.
/// </summary>
public sealed class ScriptUpdate
{
    public Guid ScriptId { get; set; }
    public int Version { get; set; }

    /// <summary>The editor tab that made the change; its own editor recognises it in the stream by this id.</summary>
    public string ClientId { get; set; } = "";
    public string? UserId { get; set; }

    /// <summary>The change set in CodeMirror's JSON form (<c>ChangeSet.toJSON()</c>).</summary>
    public string Changes { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
