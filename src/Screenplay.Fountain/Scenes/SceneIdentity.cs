using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Scenes;

/// <summary>
/// A stable id for every scene of a document, carried forward through each accepted change (immutable: each
/// <see cref="Advance"/> returns the next state). Scenes are matched in three passes, strongest first:
/// <list type="number">
/// <item>by the text they kept: the unchanged runs of the change set say how many non-blank characters of each old
/// scene land in each new scene; a scene whose heading start survived stays with the new scene holding it (so a
/// heading typed into the middle of a scene splits off a new scene and the old one keeps its id), otherwise the
/// largest share wins. Edits inside a scene, scenes inserted before it, renumbering and a rewritten heading with
/// its body kept all end here;</item>
/// <item>by content: a new scene made mostly of inserted text (a paste) is compared with the scenes that vanished in
/// this change and with the recently vanished ones (<see cref="VanishedCapacity"/>): equal text, or enough shared
/// words (<see cref="SceneSimilarity.Threshold"/>), revives the old id. That keeps a scene cut and pasted elsewhere,
/// in one change or several, and re-attaches a deleted scene whose text comes back (undo). A paste no more like an
/// earlier-vanished scene than like a scene still in the text is a copy of that scene: a new scene;</item>
/// <item>by place: an old and a new scene still unmatched that share only blank characters (a scene emptied and
/// then given a new heading).</item>
/// </list>
/// Anything left is a new scene (a fresh id) or a vanished one (kept as a candidate for a later paste).
/// </summary>
public sealed class SceneIdentity
{
    /// <summary>How many vanished scenes are remembered as candidates for a later paste (oldest forgotten first).</summary>
    public const int VanishedCapacity = 64;

    private SceneIdentity(Document document, ImmutableArray<Guid> ids, ImmutableArray<VanishedScene> vanished)
    {
        Document = document;
        Ids = ids;
        Vanished = vanished;
    }

    public Document Document { get; }

    /// <summary>One id per scene of <see cref="Document"/>, in the same order.</summary>
    public ImmutableArray<Guid> Ids { get; }

    /// <summary>Scenes that are gone but may come back, most recent last.</summary>
    public ImmutableArray<VanishedScene> Vanished { get; }

    /// <summary>Ids for every scene of <paramref name="document"/>: <paramref name="knownIds"/> where given (stored ids, in scene order), fresh ones after.</summary>
    public static SceneIdentity Start(Document document, IReadOnlyList<Guid>? knownIds = null, Func<Guid>? newId = null,
        IEnumerable<VanishedScene>? vanished = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        newId ??= Guid.NewGuid;
        var ids = new Guid[document.Scenes.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = knownIds is not null && i < knownIds.Count ? knownIds[i] : newId();
        }

        return new SceneIdentity(document, [.. ids], [.. (vanished ?? []).TakeLast(VanishedCapacity)]);
    }

    /// <summary>
    /// The state after <paramref name="change"/> (from <see cref="Document"/>'s source) produced <paramref name="next"/>,
    /// and what happened to the ids.
    /// </summary>
    /// <exception cref="ArgumentException">The change does not start from this state's document.</exception>
    public SceneIdentityStep Advance(ChangeDesc change, Document next, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(next);
        // Lengths and counts come from the documents' piece tables: a keystroke must not build the whole source string.
        if (change.Length != Document.Text.Length || change.NewLength != next.Text.Length)
        {
            throw new ArgumentException(
                $"The change maps {change.Length} to {change.NewLength} characters, the documents have {Document.Text.Length} and {next.Text.Length}.",
                nameof(change));
        }

        newId ??= Guid.NewGuid;
        var olds = SceneRegions.Of(Document);
        var news = SceneRegions.Of(next);
        var overlap = SceneOverlap.Compute(Document.Text, olds, news, change);
        var newToOld = new int[news.Length];
        Array.Fill(newToOld, -1);
        var oldMatched = new bool[olds.Length];
        overlap.MatchKept(newToOld, oldMatched);

        // Candidates for a paste: what vanished in this change, then the remembered ones.
        var candidates = new List<VanishedScene>();
        var candidateOld = new List<int>();
        for (var o = 0; o < olds.Length; o++)
        {
            if (oldMatched[o]) continue;
            candidates.Add(VanishedScene.Of(Ids[o], Document, olds[o], o));
            candidateOld.Add(o);
        }

        var justVanished = candidates.Count;
        candidates.AddRange(Vanished);
        // Only a scene made mostly of inserted text can be a paste; text that was already there (a scene split off by
        // a heading typed into it) is a new scene however much it resembles a vanished one.
        var pasted = new int[news.Length];
        for (var n = 0; n < news.Length; n++)
        {
            pasted[n] = newToOld[n] >= 0 || 2 * overlap.KeptIn(n) >= next.Text.CountNonWhiteSpace(news[n].Start, news[n].End - news[n].Start) ? 0 : -1;
        }

        var revived = SceneSimilarity.Match(next, news, pasted, candidates, justVanished);
        var used = new bool[candidates.Count];
        for (var n = 0; n < news.Length; n++)
        {
            if (revived[n] < 0) continue;
            used[revived[n]] = true;
            if (revived[n] < justVanished) oldMatched[candidateOld[revived[n]]] = true;
        }

        var placed = (int[])newToOld.Clone();
        for (var n = 0; n < news.Length; n++)
        {
            if (revived[n] >= 0) placed[n] = int.MaxValue; // taken by pass two
        }

        overlap.MatchBlank(placed, oldMatched);

        var ids = new Guid[news.Length];
        var created = new List<Guid>();
        var revivedIds = new List<Guid>();
        for (var n = 0; n < news.Length; n++)
        {
            if (revived[n] >= 0)
            {
                ids[n] = candidates[revived[n]].Id;
                if (revived[n] >= justVanished) revivedIds.Add(ids[n]);
            }
            else if (placed[n] >= 0)
            {
                ids[n] = Ids[placed[n]];
            }
            else
            {
                ids[n] = newId();
                created.Add(ids[n]);
            }
        }

        // A scene that vanished and came back in the same change (a move) is neither vanished nor revived.
        var vanishedNow = new List<VanishedScene>();
        for (var c = 0; c < justVanished; c++)
        {
            if (!oldMatched[candidateOld[c]]) vanishedNow.Add(candidates[c]);
        }

        var remembered = new List<VanishedScene>(Vanished.Length + vanishedNow.Count);
        for (var c = justVanished; c < candidates.Count; c++)
        {
            if (!used[c]) remembered.Add(candidates[c]);
        }

        remembered.AddRange(vanishedNow);
        var state = new SceneIdentity(next, [.. ids], [.. remembered.TakeLast(VanishedCapacity)]);
        return new SceneIdentityStep(state, [.. created], [.. vanishedNow.Select(v => v.Id)], [.. revivedIds]);
    }
}

/// <summary>
/// The outcome of one change: the new state, ids given to new scenes, ids of scenes that vanished (their notes
/// become detached) and ids of vanished scenes that came back (their notes re-attach).
/// </summary>
public sealed record SceneIdentityStep(
    SceneIdentity State,
    ImmutableArray<Guid> Created,
    ImmutableArray<Guid> Vanished,
    ImmutableArray<Guid> Revived);
