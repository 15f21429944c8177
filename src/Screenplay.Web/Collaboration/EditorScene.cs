namespace Screenplay.Web.Collaboration;

/// <summary>A scene heading as the editor sees it while people type: its 0-based index, 1-based line and text.</summary>
public sealed record EditorScene(int Index, int Line, string Heading);

internal static class ScriptEditorDefaults
{
    public const string HubUrl = "/hubs/script";

    /// <summary>Where the MSBuild target puts the esbuild bundle under wwwroot.</summary>
    public const string BundlePath = "editor/screenplay-editor.js";
}

/// <summary>A note marker for the editor: the scene at 0-based <paramref name="Index"/> has notes.</summary>
public sealed record EditorNoteMarker(int Index, Guid SceneId, int Open, int Total);

/// <summary>
/// A pinned passage to mark: offsets in the script's text at <paramref name="Version"/>; the editor carries them through
/// its own unconfirmed edits, or waits until it has that version (notes.js).
/// </summary>
public sealed record EditorNotePassage(int From, int To, Guid ThreadId, bool Open, int Version);

/// <summary>
/// The editor's caret scene (0-based, -1 before the first heading) and selection: offsets in the text at
/// <paramref name="Version"/> (the last version the server confirmed), and the selected text.
/// </summary>
public sealed record EditorNoteTarget(int Index, int From, int To, int Version, string Text);
