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
        var (oldStart, oldEnd) = Range(oldDocument, sceneIndex);
        var oldScene = oldDocument.Source[oldStart..oldEnd];
        var currentDocument = FountainText.Parse(current);
        var entries = SceneComparer.Compare(oldDocument, currentDocument).Scenes;
        var at = entries.IndexOf(entries.First(e => e.OldIndex == sceneIndex));
        if (entries[at].NewIndex is int now)
        {
            var (start, end) = Range(currentDocument, now);
            return string.Concat(current.AsSpan(0, start), oldScene, current.AsSpan(end));
        }

        // Deleted since: after the nearest scene before it that still exists, else before the first scene.
        var before = entries.Take(at).LastOrDefault(e => e.NewIndex >= 0);
        var insertAt = before?.NewIndex is int previous
            ? Range(currentDocument, previous).End
            : currentDocument.Scenes.Length > 0 ? currentDocument.Scenes[0].Span.Start : current.Length;
        var head = current[..insertAt];
        var separator = head.Length == 0 || head.EndsWith("\n\n", StringComparison.Ordinal) ? "" : head.EndsWith('\n') ? "\n" : "\n\n";
        var text = insertAt < current.Length && !oldScene.EndsWith("\n\n", StringComparison.Ordinal) ? oldScene.TrimEnd('\n') + "\n\n" : oldScene;
        return string.Concat(head, separator, text, current.AsSpan(insertAt));
    }

    /// <summary>A scene's source from its heading to the next heading (its trailing blank lines included).</summary>
    private static (int Start, int End) Range(Document document, int index)
    {
        var scenes = document.Scenes;
        var end = index + 1 < scenes.Length ? scenes[index + 1].Span.Start : document.Source.Length;
        return (scenes[index].Span.Start, end);
    }

}
