namespace Screenplay.Web.Data;

/// <summary>
/// One save of a script's text: who, when, and the full text after the save. The history starts here; the live
/// editor's change log adds finer-grained updates beside it.
/// </summary>
public sealed class ScriptRevision
{
    public long Id { get; set; }
    public Guid ScriptId { get; set; }
    public Script? Script { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the revision exists: "create", "import", "save", "rename"... free text for the history view.</summary>
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
}
