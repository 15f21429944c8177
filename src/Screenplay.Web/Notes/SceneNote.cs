namespace Screenplay.Web.Notes;

/// <summary>Whether a thread still asks for something.</summary>
public enum NoteStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>
/// A note on a scene (table <c>notes</c>): a thread root (<see cref="ParentId"/> null) or a reply in its thread.
/// Roots carry the status and an optional passage pin; replies follow their root's scene. Deleting is soft: the row
/// stays with who deleted it and when, and the script's owner can restore it.
/// </summary>
public sealed class SceneNote
{
    public Guid Id { get; set; }
    public Guid ScriptId { get; set; }
    public Guid SceneId { get; set; }

    /// <summary>The thread root this note replies to; null for a root.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Null once the author's account is gone.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Markdown, rendered safely by <see cref="NoteMarkdown"/>.</summary>
    public string Body { get; set; } = "";

    /// <summary>User ids of the script's people named with <c>@name</c> in <see cref="Body"/>.</summary>
    public List<string> Mentions { get; set; } = [];

    /// <summary>The pinned passage (roots only), in the coordinates of <see cref="PassageVersion"/>; null when none or deleted.</summary>
    public int? PassageFrom { get; set; }
    public int? PassageTo { get; set; }
    public int? PassageVersion { get; set; }

    public NoteStatus Status { get; set; }
    public string? ResolvedById { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }
}
