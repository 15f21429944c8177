namespace Screenplay.Web.Notes;

/// <summary>
/// A scene's stable identity (table <c>scenes</c>), kept by the script's live session (<see cref="SceneTracker"/>)
/// as the text changes. A scene in the current text has an <see cref="Ordinal"/>; one that vanished has none, and
/// keeps its last heading and text so its notes can be listed as detached and the scene recognised when its text
/// comes back. Locked scene numbers are not stored here: <c>scene_number_locks</c> (Revisions/) keeps them in script
/// order.
/// </summary>
public sealed class ScriptScene
{
    public Guid Id { get; set; }
    public Guid ScriptId { get; set; }

    /// <summary>0-based position among the scenes of the current text; null once the scene vanished.</summary>
    public int? Ordinal { get; set; }

    /// <summary>The current heading, or the last one for a vanished scene.</summary>
    public string Heading { get; set; } = "";

    public DateTimeOffset? VanishedAt { get; set; }

    /// <summary>The scene's whole text (heading to the next heading) when it vanished.</summary>
    public string? VanishedText { get; set; }

    /// <summary>
    /// The edit-log version this row describes. Rows are only ever overwritten by a newer version, so two app
    /// instances computing the same changes write them in any order and agree.
    /// </summary>
    public int Version { get; set; }
}
