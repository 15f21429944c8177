namespace Screenplay.Web.Notes;

/// <summary>
/// A script's text at <paramref name="Version"/> with the scenes that describe it (in order) and its notes' passages
/// in that version, all from one moment: the live session's, or what is stored (<see cref="ScriptNotes.SceneTextAsync"/>).
/// Whatever lays the text out (an export, the script page) keys notes by these scenes, never by scenes of another
/// moment, so a scene added a second ago cannot shift notes onto its neighbour.
/// </summary>
public sealed record SceneText(string Text, int Version, IReadOnlyList<SceneHead> Scenes, IReadOnlyDictionary<Guid, PassageView> Passages)
{
    private Dictionary<Guid, SceneHead>? byId;

    /// <summary>
    /// <paramref name="thread"/> (as listed just before this was taken) as of this text: on its scene's place here, or
    /// detached when the scene is not in it; with its passage when it has one in this version. A thread listed without
    /// a passage has none (a move dropped it), whatever a session still followed.
    /// </summary>
    public ThreadView Place(ThreadView thread)
    {
        byId ??= Scenes.ToDictionary(s => s.Id);
        var scene = byId.TryGetValue(thread.Scene.Id, out var here)
            ? new SceneRef(here.Id, here.Ordinal, here.Heading, false)
            : thread.Scene with { Ordinal = null, Vanished = true };
        var passage = thread.Passage is null ? null : Passages.GetValueOrDefault(thread.Id) ?? thread.Passage;
        return thread with { Scene = scene, Passage = !scene.Vanished && passage?.Version == Version ? passage : null };
    }
}
