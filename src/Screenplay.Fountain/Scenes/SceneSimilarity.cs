using System.Collections.Immutable;
using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Scenes;

/// <summary>
/// Pass two of scene identity: a new scene that kept no old text is recognised by its content among the scenes
/// that vanished (a cut and paste, an undo). Equal text (whitespace and case aside) first, then the most words in
/// common (Dice coefficient over word counts) at or above <see cref="Threshold"/>.
/// </summary>
public static class SceneSimilarity
{
    /// <summary>The least share of words (0..1) two scene texts must have in common to be taken for the same scene.</summary>
    public const double Threshold = 0.6;

    /// <summary>
    /// For every new scene not settled (negative in <paramref name="settled"/>: not kept in place, mostly pasted text), the
    /// index of the candidate it revives, or -1. The first
    /// <paramref name="vanishedNow"/> candidates are the scenes that vanished in this change.
    /// </summary>
    internal static int[] Match(Document next, ImmutableArray<SceneRegion> news, int[] settled, IReadOnlyList<VanishedScene> candidates, int vanishedNow)
    {
        var revived = new int[news.Length];
        Array.Fill(revived, -1);
        if (candidates.Count == 0) return revived;

        var candidateKeys = new string?[candidates.Count];
        var candidateWords = new Dictionary<string, int>?[candidates.Count];
        var pairs = new List<(int New, int Candidate, double Score)>();
        for (var n = 0; n < news.Length; n++)
        {
            if (settled[n] >= 0) continue;
            var text = next.Source[news[n].Start..news[n].End];
            var key = Normalize(text);
            var words = Words(text);
            for (var c = 0; c < candidates.Count; c++)
            {
                candidateKeys[c] ??= Normalize(candidates[c].Text);
                var score = key == candidateKeys[c] ? 2.0 : Dice(words, candidateWords[c] ??= Words(candidates[c].Text));
                if (score >= Threshold) pairs.Add((n, c, score));
            }
        }

        // A copy of a scene that is still there is a new scene, not one brought back from an earlier change: drop
        // remembered candidates no more like the new scene than a scene still in the text is (worked out only when some
        // candidate came close). Scenes that vanished in this very change stay: deleting and inserting at once is a move.
        if (pairs.Count > 0)
        {
            var alive = new Dictionary<int, double>();
            pairs.RemoveAll(p => p.Candidate >= vanishedNow && p.Score <= (alive.TryGetValue(p.New, out var best)
                ? best
                : alive[p.New] = BestAlive(next, news, settled, p.New)));
        }

        var taken = new bool[candidates.Count];
        // Most similar first; among equals the earlier candidate (vanished in this very change) and the earlier scene.
        foreach (var (n, c, _) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Candidate).ThenBy(p => p.New))
        {
            if (revived[n] < 0 && !taken[c])
            {
                revived[n] = c;
                taken[c] = true;
            }
        }

        return revived;
    }

    private static double BestAlive(Document next, ImmutableArray<SceneRegion> news, int[] settled, int scene)
    {
        var text = next.Source[news[scene].Start..news[scene].End];
        var key = Normalize(text);
        var words = Words(text);
        var best = 0.0;
        for (var n = 0; n < news.Length; n++)
        {
            if (settled[n] < 0) continue;
            var other = next.Source[news[n].Start..news[n].End];
            best = Math.Max(best, Normalize(other) == key ? 2.0 : Dice(words, Words(other)));
        }

        return best;
    }

    /// <summary>Words shared by two texts, 0..1 (1 when their words are the same, in any order).</summary>
    public static double Score(string a, string b) =>
        Normalize(a) == Normalize(b) ? 1.0 : Dice(Words(a), Words(b));

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    private static Dictionary<string, int> Words(string text)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            if (!letter && start >= 0)
            {
                var word = text[start..i].ToUpperInvariant();
                words[word] = words.GetValueOrDefault(word) + 1;
                start = -1;
            }
        }

        return words;
    }

    private static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int total = 0, common = 0;
        foreach (var (word, count) in a)
        {
            total += count;
            common += Math.Min(count, b.GetValueOrDefault(word));
        }

        foreach (var (_, count) in b) total += count;
        return total == 0 ? 0 : 2.0 * common / total;
    }
}
