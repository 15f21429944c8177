using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Revisions;

/// <summary>
/// The edits that write locked scene numbers into the Fountain text (<c>#12A#</c> at the end of each heading) and the
/// list of locked numbers to keep beside the script, in script order, omitted ones included.
/// </summary>
public sealed record SceneNumberPlan(ImmutableArray<TextChange> Edits, ImmutableArray<string> Numbers)
{
    /// <summary>Indexes (in <see cref="Document.Scenes"/>) of the new scenes this plan gives a lettered number.</summary>
    public ImmutableArray<int> Lettered { get; init; } = [];

    public string ApplyTo(string text) => Edits.IsDefaultOrEmpty ? text : ChangeSet.Of(Edits, text.Length).Apply(text);
}

/// <summary>
/// Locked scene numbers as productions keep them. <see cref="Lock"/> numbers the scenes 1..n. Once locked,
/// <see cref="Update"/> keeps every number that is still in the text, gives new scenes lettered numbers after the
/// scene before them (<see cref="SceneNumber.Between"/>), and puts a <c>.OMITTED #12#</c> placeholder where a
/// locked scene was deleted, so its number is retired in place. <see cref="Unlock"/> removes the placeholders
/// and the written numbers, so the scenes are numbered 1..n again by position.
/// </summary>
public static class SceneNumbering
{
    /// <summary>The heading of a placeholder for a deleted locked scene.</summary>
    public const string OmittedHeading = "OMITTED";

    public static SceneNumberPlan Lock(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var edits = new Edits(document.Source);
        var numbers = ImmutableArray.CreateBuilder<string>();
        foreach (var (scene, index) in document.Scenes.Select((s, i) => (s, i)))
        {
            if (IsOmitted(document, scene))
            {
                edits.Remove(SceneRange(document, index));
                continue;
            }

            var number = (numbers.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            numbers.Add(number);
            edits.SetNumber(scene, document.Elements[scene.FirstElement], number);
        }

        return new SceneNumberPlan(edits.ToImmutable(), numbers.ToImmutable());
    }

    /// <summary>
    /// Numbers new scenes and retires deleted ones against <paramref name="locked"/> (the numbers of the last plan, in
    /// order). A written number that is not a locked one, or a second copy of one (a pasted heading), counts as new.
    /// With <paramref name="placeOmitted"/> false the <c>OMITTED</c> placeholders are not written into the text (a
    /// deleted scene may be half of a move), but their numbers stay retired and in <see cref="SceneNumberPlan.Numbers"/>,
    /// so new scenes get the same letters either way.
    /// </summary>
    public static SceneNumberPlan Update(Document document, IReadOnlyList<string> locked, bool placeOmitted = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(locked);
        var scenes = document.Scenes;
        var lockedSet = locked.ToHashSet(StringComparer.Ordinal);

        // Which scenes keep their number.
        var kept = new string?[scenes.Length];
        var present = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scenes.Length; i++)
        {
            if (scenes[i].Number is { } n && lockedSet.Contains(n) && present.TryAdd(n, i))
            {
                kept[i] = n;
            }
        }

        // Deleted locked scenes: a placeholder just before the scene holding the next locked number still in the
        // text (or at the end), so scenes added before it are lettered after the number before it (1, 1A, 2 OMITTED).
        var omittedBefore = new Dictionary<int, List<string>>();
        var anchor = scenes.Length;
        for (var k = locked.Count - 1; k >= 0; k--)
        {
            if (present.TryGetValue(locked[k], out var at))
            {
                anchor = at;
                continue;
            }

            if (!omittedBefore.TryGetValue(anchor, out var list))
            {
                omittedBefore[anchor] = list = [];
            }

            list.Insert(0, locked[k]);
        }

        // The sequence in script order: placeholders and scenes, numbered or still to number.
        var sequence = new List<(int Scene, string? Number)>();
        void AddOmitted(int before)
        {
            if (omittedBefore.TryGetValue(before, out var list))
            {
                sequence.AddRange(list.Select(n => (-1, (string?)n)));
            }
        }

        for (var i = 0; i < scenes.Length; i++)
        {
            AddOmitted(i);
            sequence.Add((i, kept[i]));
        }

        AddOmitted(scenes.Length);

        var taken = new HashSet<string>(lockedSet, StringComparer.Ordinal);
        var edits = new Edits(document.Source);
        var lettered = ImmutableArray.CreateBuilder<int>();
        string? previous = null;
        for (var k = 0; k < sequence.Count; k++)
        {
            var (scene, number) = sequence[k];
            if (number is null)
            {
                var following = sequence.Skip(k + 1).Select(s => s.Number).FirstOrDefault(n => n is not null);
                number = SceneNumber.Between(previous, following, taken);
                taken.Add(number);
                sequence[k] = (scene, number);
                edits.SetNumber(scenes[scene], document.Elements[scenes[scene].FirstElement], number);
                lettered.Add(scene);
            }
            else if (scene < 0 && placeOmitted)
            {
                edits.InsertOmitted(document, PlaceholderOffset(document, sequence, k), number);
            }

            previous = number;
        }

        return new SceneNumberPlan(edits.ToImmutable(), [.. sequence.Select(s => s.Number!)]) { Lettered = lettered.ToImmutable() };
    }

    /// <summary>Edits that remove every written scene number and every OMITTED placeholder.</summary>
    public static ImmutableArray<TextChange> Unlock(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var edits = new Edits(document.Source);
        for (var i = 0; i < document.Scenes.Length; i++)
        {
            var scene = document.Scenes[i];
            if (IsOmitted(document, scene))
            {
                edits.Remove(SceneRange(document, i));
            }
            else
            {
                edits.SetNumber(scene, document.Elements[scene.FirstElement], null);
            }
        }

        return edits.ToImmutable();
    }

    /// <summary>A placeholder: a heading reading OMITTED with nothing printable under it.</summary>
    public static bool IsOmitted(Document document, Scene scene) =>
        string.Equals(scene.Heading.Trim(), OmittedHeading, StringComparison.OrdinalIgnoreCase)
        && Enumerable.Range(scene.FirstElement + 1, scene.ElementCount - 1)
            .All(e => document.Elements[e].Type is ElementType.Synopsis or ElementType.Section);

    /// <summary>Where a placeholder goes: before the next real scene in the sequence, else at the end of the text.</summary>
    private static int PlaceholderOffset(Document document, List<(int Scene, string? Number)> sequence, int k)
    {
        for (var j = k + 1; j < sequence.Count; j++)
        {
            if (sequence[j].Scene >= 0)
            {
                return document.Scenes[sequence[j].Scene].Span.Start;
            }
        }

        return document.Source.Length;
    }

    /// <summary>A scene from its heading to the next scene's heading (or the end of the text, with the blank lines before it).</summary>
    private static (int Start, int End) SceneRange(Document document, int index)
    {
        var scenes = document.Scenes;
        var start = scenes[index].Span.Start;
        if (index + 1 < scenes.Length)
        {
            return (start, scenes[index + 1].Span.Start);
        }

        var source = document.Source;
        while (start > 0 && source[start - 1] is '\n' or ' ' or '\t')
        {
            start--;
        }

        return (start, source.Length);
    }

    /// <summary>Collects non-overlapping edits in original-text coordinates.</summary>
    private sealed class Edits(string source)
    {
        private readonly List<TextChange> _changes = [];

        public void SetNumber(Scene scene, Element heading, string? number)
        {
            var lineEnd = heading.Span.End;
            var line = source.AsSpan(heading.Span.Start, lineEnd - heading.Span.Start);
            var trimmedLength = line.TrimEnd().Length;
            var text = line[..trimmedLength];
            var written = scene.Number is not null && text.EndsWith("#") ? text[..^1].LastIndexOf('#') : -1;
            if (written >= 0)
            {
                // Replace " #12#" (with the spaces before it) by the new number, or remove it.
                var from = written;
                while (from > 0 && text[from - 1] is ' ' or '\t')
                {
                    from--;
                }

                var replacement = number is null ? "" : $" #{number}#";
                if (!text[from..].SequenceEqual(replacement))
                {
                    _changes.Add(new TextChange(heading.Span.Start + from, trimmedLength - from, replacement));
                }
            }
            else if (number is not null)
            {
                _changes.Add(new TextChange(heading.Span.Start + trimmedLength, 0, $" #{number}#"));
            }
        }

        public void InsertOmitted(Document document, int offset, string number)
        {
            var atEnd = offset >= source.Length;
            var text = atEnd
                ? $"{(source.EndsWith('\n') ? "" : "\n")}\n.{OmittedHeading} #{number}#\n"
                : $".{OmittedHeading} #{number}#\n\n";
            _changes.Add(new TextChange(offset, 0, text));
        }

        public void Remove((int Start, int End) range) => _changes.Add(new TextChange(range.Start, range.End - range.Start, ""));

        /// <summary>Sorted by offset; insertions at one offset keep the order they were made in.</summary>
        public ImmutableArray<TextChange> ToImmutable() => [.. _changes.Select((c, i) => (c, i)).OrderBy(x => x.c.Offset).ThenBy(x => x.i).Select(x => x.c)];
    }
}
