using System.Collections.Immutable;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Scenes;

/// <summary>
/// How much of each old scene's text survived a change into each new scene, counted over the change's unchanged
/// runs (linear in the text), and the passes that match scenes by it.
/// </summary>
internal sealed class SceneOverlap
{
    private readonly Dictionary<(int Old, int New), (int NonBlank, int Any)> _kept = [];
    private readonly int[] _headingKeptAt;
    private readonly int[] _keptInNew;

    private SceneOverlap(int oldCount, int newCount)
    {
        _keptInNew = new int[newCount];
        _headingKeptAt = new int[oldCount];
        Array.Fill(_headingKeptAt, -1);
    }

    public static SceneOverlap Compute(PieceText oldSource, ImmutableArray<SceneRegion> olds, ImmutableArray<SceneRegion> news, ChangeDesc change)
    {
        var overlap = new SceneOverlap(olds.Length, news.Length);
        if (olds.Length == 0 || news.Length == 0) return overlap;
        int oi = 0, ni = 0;
        change.IterGaps((a, b, length) =>
        {
            while (length > 0)
            {
                while (oi < olds.Length && olds[oi].End <= a) oi++;
                while (ni < news.Length && news[ni].End <= b) ni++;
                if (oi == olds.Length || ni == news.Length) return;
                // Before the first scene (the opening text) belongs to no scene: skip to the nearer scene start.
                var skip = Math.Max(olds[oi].Start - a, news[ni].Start - b);
                if (skip > 0)
                {
                    skip = Math.Min(skip, length);
                    a += skip;
                    b += skip;
                    length -= skip;
                    continue;
                }

                var chunk = Math.Min(length, Math.Min(olds[oi].End - a, news[ni].End - b));
                // A scene the change left whole (most of them) maps onto a new scene that is all of it: it is matched
                // by its kept heading whatever the count, so skip counting its characters (the keystroke fast path).
                var whole = chunk == olds[oi].End - olds[oi].Start && chunk == news[ni].End - news[ni].Start;
                overlap.Add(oi, ni, whole ? chunk : oldSource.CountNonWhiteSpace(a, chunk), chunk);
                if (olds[oi].Start == a && news[ni].Start == b)
                {
                    overlap._headingKeptAt[oi] = ni;
                }

                a += chunk;
                b += chunk;
                length -= chunk;
            }
        });
        return overlap;
    }

    /// <summary>
    /// Pass one: an old scene whose heading still starts a new scene stays with it; then the largest share of kept
    /// non-blank text wins. One to one.
    /// </summary>
    public void MatchKept(int[] newToOld, bool[] oldMatched)
    {
        var pairs = _kept
            .Where(p => p.Value.NonBlank > 0)
            .Select(p => (p.Key.Old, p.Key.New, Heading: _headingKeptAt[p.Key.Old] == p.Key.New, p.Value.NonBlank))
            .OrderByDescending(p => p.Heading).ThenByDescending(p => p.NonBlank).ThenBy(p => p.Old).ThenBy(p => p.New);
        foreach (var (o, n, _, _) in pairs)
        {
            if (newToOld[n] < 0 && !oldMatched[o])
            {
                newToOld[n] = o;
                oldMatched[o] = true;
            }
        }
    }

    /// <summary>Pass three: scenes still unmatched that share only blank text (an emptied scene given a new heading).</summary>
    public void MatchBlank(int[] newToOld, bool[] oldMatched)
    {
        var pairs = _kept
            .Select(p => (p.Key.Old, p.Key.New, p.Value.Any))
            .OrderByDescending(p => p.Any).ThenBy(p => p.Old).ThenBy(p => p.New);
        foreach (var (o, n, _) in pairs)
        {
            if (newToOld[n] < 0 && !oldMatched[o])
            {
                newToOld[n] = o;
                oldMatched[o] = true;
            }
        }
    }

    /// <summary>Non-blank characters of new scene <paramref name="scene"/> that were there before the change (not inserted by it).</summary>
    public int KeptIn(int scene) => _keptInNew[scene];

    private void Add(int old, int @new, int nonBlank, int any)
    {
        _keptInNew[@new] += nonBlank;
        _kept.TryGetValue((old, @new), out var sum);
        _kept[(old, @new)] = (sum.NonBlank + nonBlank, sum.Any + any);
    }
}
