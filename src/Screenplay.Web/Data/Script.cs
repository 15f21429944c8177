namespace Screenplay.Web.Data;

/// <summary>
/// A screenplay and its current Fountain text. Soft-deleted scripts keep everything (<see cref="DeletedAt"/> set)
/// and can be restored by their owner for <see cref="ScriptRetention.RestoreWindow"/>.
/// </summary>
public sealed class Script
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>
    /// The live-edit version <see cref="Text"/> corresponds to. The edit log (<see cref="ScriptUpdate"/>) is the
    /// truth while a script is being edited; the live session copies text and version here every few seconds.
    /// </summary>
    public int Version { get; set; }
    public string OwnerId { get; set; } = "";
    public AppUser? Owner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    /// <summary>Pages of the current text as paginated at the last save; kept so the dashboard need not paginate.</summary>
    public int PageCount { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public List<ScriptMember> Members { get; set; } = [];
    public List<ScriptRevision> Revisions { get; set; } = [];
}

public static class ScriptRetention
{
    /// <summary>How long a deleted script can be restored; after that it is gone from every list for good.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);
}
