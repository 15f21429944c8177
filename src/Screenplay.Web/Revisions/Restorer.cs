using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Syntax;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Revisions;

/// <summary>
/// Restores a point of history, or one scene of it, as a new change on top of the current text: nothing after the
/// point is lost from the history, and collaborators see the restore arrive like any edit.
/// </summary>
internal sealed class Restorer(ScriptHistory history, LiveEdits edits, Checkpoints checkpoints)
{
    public async Task<LiveEditResult> RestoreAsync(Guid scriptId, int version, string userId)
    {
        var old = await history.TextAtAsync(scriptId, version);
        if (old is null) return new LiveEditResult(false, -1, $"version {version} is not in the history");
        var result = await edits.ApplyAsync(scriptId, _ => old, userId, "restore");
        if (result.Done) await checkpoints.WriteDueAsync(scriptId, now: "restore");
        return result;
    }

    /// <summary>
    /// Puts scene <paramref name="sceneIndex"/> of the text at <paramref name="version"/> back: over the scene it became
    /// (matched by content), or, if it was deleted since, after the scene that preceded it.
    /// </summary>
    public async Task<LiveEditResult> RestoreSceneAsync(Guid scriptId, int version, int sceneIndex, string userId)
    {
        var old = await history.TextAtAsync(scriptId, version);
        if (old is null) return new LiveEditResult(false, -1, $"version {version} is not in the history");
        var oldDocument = FountainText.Parse(old);
        if (sceneIndex < 0 || sceneIndex >= oldDocument.Scenes.Length)
        {
            return new LiveEditResult(false, -1, $"version {version} has no scene {sceneIndex + 1}");
        }

        var result = await edits.ApplyAsync(scriptId, current => WithScene(oldDocument, sceneIndex, current), userId, "restore-scene");
        if (result.Done) await checkpoints.WriteDueAsync(scriptId, now: "restore");
        return result;
    }

    internal static string WithScene(Document oldDocument, int sceneIndex, string current)
    {
        var oldScene = SceneSource(oldDocument, sceneIndex);
        var currentDocument = FountainText.Parse(current);
        var comparison = SceneComparer.Compare(oldDocument, currentDocument);
        var entries = comparison.Scenes;
        var at = entries.IndexOf(entries.First(e => e.OldIndex == sceneIndex));
        if (entries[at].NewIndex is int now)
        {
            var (start, end) = Range(currentDocument, now);
            return string.Concat(current.AsSpan(0, start), oldScene.Text, current.AsSpan(end));
        }

        // Deleted since: after the nearest scene before it that still exists, else before the first scene.
        var before = entries.Take(at).LastOrDefault(e => e.NewIndex >= 0);
        var insertAt = before?.NewIndex is int previous
            ? Range(currentDocument, previous).End
            : currentDocument.Scenes.Length > 0 ? currentDocument.Scenes[0].Span.Start : current.Length;
        var text = oldScene.Text;
        var prefix = insertAt > 0 && current[insertAt - 1] != '\n' ? "\n\n" : insertAt > 1 && current[insertAt - 2] != '\n' ? "\n" : "";
        return string.Concat(current.AsSpan(0, insertAt), prefix, text, current.AsSpan(insertAt));
    }

    /// <summary>A scene's source from its heading to the next heading (its trailing blank lines included).</summary>
    private static (int Start, int End) Range(Document document, int index)
    {
        var scenes = document.Scenes;
        var end = index + 1 < scenes.Length ? scenes[index + 1].Span.Start : document.Source.Length;
        return (scenes[index].Span.Start, end);
    }

    private static (string Text, int Start) SceneSource(Document document, int index)
    {
        var (start, end) = Range(document, index);
        var text = document.Source[start..end];
        if (!text.EndsWith("\n\n", StringComparison.Ordinal)) text = text.TrimEnd('\n') + "\n\n";
        return (text, start);
    }
}
