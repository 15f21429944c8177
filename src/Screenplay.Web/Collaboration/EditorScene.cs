namespace Screenplay.Web.Collaboration;

/// <summary>A scene heading as the editor sees it while people type: its 0-based index, 1-based line and text.</summary>
public sealed record EditorScene(int Index, int Line, string Heading);

internal static class ScriptEditorDefaults
{
    public const string HubUrl = "/hubs/script";

    /// <summary>Where the MSBuild target puts the esbuild bundle under wwwroot.</summary>
    public const string BundlePath = "editor/screenplay-editor.js";
}
