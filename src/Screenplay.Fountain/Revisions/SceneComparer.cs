using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Revisions;

/// <summary>
/// Compares two versions of a screenplay scene by scene. Scenes are matched by content, not position: identical
/// scenes first, then the most similar remaining pairs (heading and word overlap) above a threshold, so a scene that
/// was moved and edited is still recognised. Matched scenes out of their old relative order (not on the longest
/// run kept in order) are reported as moved. Inside a changed scene the diff is word by word (DiffPlex).
/// </summary>
public static class SceneComparer
{
    /// <summary>Scenes scoring below this (0..1) are reported as one removed and one added rather than as changed.</summary>
    public const double MatchThreshold = 0.5;

    public static ScriptComparison Compare(Document oldDocument, Document newDocument)
    {
        ArgumentNullException.ThrowIfNull(oldDocument);
        ArgumentNullException.ThrowIfNull(newDocument);
        var olds = SceneText.Of(oldDocument);
        var news = SceneText.Of(newDocument);
        var oldToNew = Match(olds, news);

        var moved = MovedPairs(oldToNew);
        var newToOld = new int[news.Count];
        Array.Fill(newToOld, -1);
        for (var o = 0; o < olds.Count; o++)
        {
            if (oldToNew[o] >= 0)
            {
                newToOld[oldToNew[o]] = o;
            }
        }

        var entries = new List<(double Key, int Tie, SceneComparison Entry)>(olds.Count + news.Count);
        for (var n = 0; n < news.Count; n++)
        {
            var o = newToOld[n];
            var entry = o < 0
                ? Added(news[n], newDocument)
                : Matched(olds[o], news[n], moved.Contains(o), newDocument);
            entries.Add((n, 0, entry));
        }

        // A removed scene stands right after the scene that preceded it in the old version (and stayed in place).
        var anchor = -0.5;
        for (var o = 0; o < olds.Count; o++)
        {
            if (oldToNew[o] >= 0)
            {
                if (!moved.Contains(o))
                {
                    anchor = oldToNew[o];
                }

                continue;
            }

            entries.Add((anchor + 0.5, o + 1, Removed(olds[o], oldDocument)));
        }

        return new ScriptComparison([.. entries.OrderBy(e => e.Key).ThenBy(e => e.Tie).Select(e => e.Entry)]);
    }

    /// <summary>For each old scene, the index of its new match or -1.</summary>
    private static int[] Match(List<SceneText> olds, List<SceneText> news)
    {
        var oldToNew = new int[olds.Count];
        Array.Fill(oldToNew, -1);
        var newTaken = new bool[news.Count];

        // The opening (index -1) always pairs with the opening.
        if (olds.Count > 0 && news.Count > 0 && olds[0].Index == -1 && news[0].Index == -1)
        {
            oldToNew[0] = 0;
            newTaken[0] = true;
        }

        // Identical scenes: pair them in order.
        var byText = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var o = 0; o < olds.Count; o++)
        {
            if (oldToNew[o] >= 0)
            {
                continue;
            }

            if (!byText.TryGetValue(olds[o].Text, out var queue))
            {
                byText[olds[o].Text] = queue = new Queue<int>();
            }

            queue.Enqueue(o);
        }

        for (var n = 0; n < news.Count; n++)
        {
            if (!newTaken[n] && byText.TryGetValue(news[n].Text, out var queue) && queue.Count > 0)
            {
                var o = queue.Dequeue();
                oldToNew[o] = n;
                newTaken[n] = true;
            }
        }

        // The rest: best-scoring pairs first, nearer positions winning ties.
        var candidates = new List<(double Score, int Distance, int Old, int New)>();
        for (var o = 0; o < olds.Count; o++)
        {
            if (oldToNew[o] >= 0 || olds[o].Index == -1)
            {
                continue;
            }

            for (var n = 0; n < news.Count; n++)
            {
                if (newTaken[n] || news[n].Index == -1)
                {
                    continue;
                }

                var score = Similarity(olds[o], news[n]);
                if (score >= MatchThreshold)
                {
                    candidates.Add((score, Math.Abs(o - n), o, n));
                }
            }
        }

        foreach (var (_, _, o, n) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Distance))
        {
            if (oldToNew[o] < 0 && !newTaken[n])
            {
                oldToNew[o] = n;
                newTaken[n] = true;
            }
        }

        return oldToNew;
    }

    /// <summary>0..1: a third for the heading, the rest for the body's words (Dice coefficient over word counts).</summary>
    internal static double Similarity(SceneText a, SceneText b)
    {
        var heading = string.Equals(a.HeadingKey, b.HeadingKey, StringComparison.Ordinal) ? 1.0 : Dice(a.HeadingWords, b.HeadingWords);
        var body = a.Words.Count + b.Words.Count == 0 ? heading : Dice(a.Words, b.Words);
        return heading / 3 + body * 2 / 3;
    }

    private static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int total = 0, shared = 0;
        foreach (var count in a.Values)
        {
            total += count;
        }

        foreach (var (word, count) in b)
        {
            total += count;
            if (a.TryGetValue(word, out var other))
            {
                shared += Math.Min(count, other);
            }
        }

        return total == 0 ? 1 : 2.0 * shared / total;
    }

    /// <summary>Old indices of matched scenes that are not on the longest run of matches kept in the same order.</summary>
    private static HashSet<int> MovedPairs(int[] oldToNew)
    {
        var matched = new List<int>();
        for (var o = 0; o < oldToNew.Length; o++)
        {
            if (oldToNew[o] >= 0)
            {
                matched.Add(o);
            }
        }

        // Longest increasing subsequence of new positions (patience sorting, O(n log n)).
        var tailIndex = new List<int>();
        var previous = new int[matched.Count];
        for (var i = 0; i < matched.Count; i++)
        {
            var value = oldToNew[matched[i]];
            int lo = 0, hi = tailIndex.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (oldToNew[matched[tailIndex[mid]]] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            if (lo == tailIndex.Count)
            {
                tailIndex.Add(i);
            }
            else
            {
                tailIndex[lo] = i;
            }
        }

        var inOrder = new HashSet<int>();
        for (var i = tailIndex.Count > 0 ? tailIndex[^1] : -1; i >= 0; i = previous[i])
        {
            inOrder.Add(matched[i]);
        }

        return [.. matched.Where(o => !inOrder.Contains(o))];
    }

    private static SceneComparison Added(SceneText scene, Document document) =>
        new(SceneDifference.Added, null, scene.Index, scene.Heading, null, scene.WordCount, 0, [])
        {
            Notes = scene.NotesIn(document),
        };

    private static SceneComparison Removed(SceneText scene, Document document) =>
        new(SceneDifference.Removed, scene.Index, null, scene.Heading, scene.Heading, 0, scene.WordCount, [])
        {
            Notes = scene.NotesIn(document),
        };

    private static SceneComparison Matched(SceneText old, SceneText @new, bool moved, Document newDocument)
    {
        var difference = moved ? SceneDifference.Moved : SceneDifference.None;
        ImmutableArray<WordChange> words = [];
        int added = 0, removed = 0;
        if (!string.Equals(old.Text, @new.Text, StringComparison.Ordinal))
        {
            (words, added, removed) = WordDiff(old.Text, @new.Text);
            difference |= SceneDifference.Changed;
        }

        return new SceneComparison(difference, old.Index, @new.Index, @new.Heading, old.Heading, added, removed, words)
        {
            Notes = @new.NotesIn(newDocument),
        };
    }

    /// <summary>
    /// The word-level diff of two texts with the number of words (not spaces or punctuation) added and removed. A
    /// space between two changes is folded into them, so "clock ticks" → "kettle whistles" reads as one replacement.
    /// </summary>
    public static (ImmutableArray<WordChange> Runs, int WordsAdded, int WordsRemoved) WordDiff(string oldText, string newText)
    {
        var diff = TextDiff.WordDiff(oldText, newText);
        var segments = new List<(string Same, string Removed, string Added)>();
        int added = 0, removed = 0;
        var a = 0;
        string Join(IReadOnlyList<string> pieces, int from, int count) => string.Concat(pieces.Skip(from).Take(count));
        foreach (var block in diff.DiffBlocks)
        {
            var same = Join(diff.PiecesOld, a, block.DeleteStartA - a);
            var gone = Join(diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            var come = Join(diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            removed += CountWords(diff.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            added += CountWords(diff.PiecesNew, block.InsertStartB, block.InsertCountB);
            if (segments.Count > 0 && same.Length > 0 && string.IsNullOrWhiteSpace(same) && !same.Contains('\n'))
            {
                var last = segments[^1];
                segments[^1] = (last.Same, last.Removed + same + gone, last.Added + same + come);
            }
            else
            {
                segments.Add((same, gone, come));
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        var runs = ImmutableArray.CreateBuilder<WordChange>();
        foreach (var (same, gone, come) in segments)
        {
            if (same.Length > 0)
            {
                runs.Add(new WordChange(WordChangeKind.Same, same));
            }

            if (gone.Length > 0)
            {
                runs.Add(new WordChange(WordChangeKind.Removed, gone));
            }

            if (come.Length > 0)
            {
                runs.Add(new WordChange(WordChangeKind.Added, come));
            }
        }

        var tail = Join(diff.PiecesOld, a, diff.PiecesOld.Count - a);
        if (tail.Length > 0)
        {
            runs.Add(new WordChange(WordChangeKind.Same, tail));
        }

        return (runs.ToImmutable(), added, removed);
    }

    private static int CountWords(IReadOnlyList<string> pieces, int from, int count)
    {
        var words = 0;
        for (var i = from; i < from + count; i++)
        {
            if (WordTokens.IsWord(pieces[i]))
            {
                words++;
            }
        }

        return words;
    }
}
