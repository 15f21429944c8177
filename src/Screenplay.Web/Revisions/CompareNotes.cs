using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Syntax;
using Screenplay.Web.Notes;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Revisions;

/// <summary>
/// The director's notes of each compared scene, by scene id. Notes live on the scenes of the current text, so a
/// compared scene is first found in the current text (by content, as compare matches scenes: the new side's scene,
/// or the old side's for a removed one); a scene that is gone now shows the detached threads left with its heading.
/// </summary>
internal sealed class CompareNotes(ScriptNotes notes, ScriptHistory history)
{
    public async Task<IReadOnlyDictionary<SceneComparison, IReadOnlyList<ThreadView>>> ForAsync(Guid scriptId, string? userId,
        ScriptComparison comparison, Document from, Document to, int toVersion)
    {
        var result = new Dictionary<SceneComparison, IReadOnlyList<ThreadView>>(ReferenceEqualityComparer.Instance);
        var threads = await notes.ListThreadsAsync(scriptId, userId);
        if (threads is null || threads.Count == 0) return result;

        var head = await history.HeadVersionAsync(scriptId);
        var current = toVersion == head ? to : await history.TextAtAsync(scriptId, head) is { } text ? FountainText.Parse(text) : null;
        if (current is null) return result;
        var toNow = ReferenceEquals(current, to) ? null : ScenesNow(to, current);
        var fromNow = ScenesNow(from, current);
        var attached = threads.Where(t => !t.Detached && t.Scene.Ordinal is not null).ToLookup(t => t.Scene.Ordinal!.Value);
        var detached = threads.Where(t => t.Detached).ToLookup(t => t.Scene.Heading.Trim(), StringComparer.OrdinalIgnoreCase);

        foreach (var scene in comparison.Touched.Where(s => !s.IsOpening))
        {
            int? now = scene.NewIndex is int n
                ? toNow is null ? n : toNow.TryGetValue(n, out var m) ? m : null
                : fromNow.TryGetValue(scene.OldIndex!.Value, out var o) ? o : null;
            IReadOnlyList<ThreadView> found = now is int ordinal
                ? [.. attached[ordinal]]
                : [.. detached[(scene.OldHeading ?? scene.Heading).Trim()]];
            if (found.Count > 0) result[scene] = found;
        }

        return result;
    }

    /// <summary>Scene index in <paramref name="side"/> → index of the same scene in <paramref name="current"/>.</summary>
    private static Dictionary<int, int> ScenesNow(Document side, Document current) =>
        SceneComparer.Compare(side, current).Scenes
            .Where(s => s.OldIndex >= 0 && s.NewIndex >= 0)
            .ToDictionary(s => s.OldIndex!.Value, s => s.NewIndex!.Value);
}
