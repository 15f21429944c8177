namespace Screenplay.Web.Data;

/// <summary>Roles on one script, strongest last; a role can do everything the weaker ones can.</summary>
public enum ScriptRole
{
    /// <summary>Reads and exports.</summary>
    Reader = 1,
    /// <summary>Reads and writes notes: the director's role.</summary>
    Commenter = 2,
    /// <summary>Edits the text and writes notes.</summary>
    Writer = 3,
    /// <summary>Everything: sharing, rename, delete, restore.</summary>
    Owner = 4,
}

/// <summary>A person's role on a script. The owner has a row too, so every access check is one lookup.</summary>
public sealed class ScriptMember
{
    public Guid ScriptId { get; set; }
    public Script? Script { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public ScriptRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
