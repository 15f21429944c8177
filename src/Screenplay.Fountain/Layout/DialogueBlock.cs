using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// A character cue with its parentheticals and dialogue. It may be split only after a dialogue line that ends a
/// sentence (or between its paragraphs, never right after a parenthetical), with at least
/// <see cref="Formats.MinLinesEachSide"/> dialogue lines on each page: the first page ends with "(MORE)" and the next
/// starts with "NAME (CONT'D)".
/// </summary>
internal sealed class DialogueBlock(DraftLine[] cue, WrappedPart[] parts, ContinuedCue continuedCue, Format characterFormat) : Block
{
    private static readonly ImmutableArray<TextRun> MoreRuns = [new TextRun("(MORE)")];

    public override int Height
    {
        get
        {
            var height = cue.Length + (HasMore ? 1 : 0);
            foreach (var part in parts)
            {
                height += part.Lines.Count;
            }

            return height;
        }
    }

    public override (Block First, Block Remainder)? Split(int rows, bool forced)
    {
        var min = forced ? 1 : Formats.MinLinesEachSide;
        var candidates = new List<(int Part, int Cut)>();
        var used = cue.Length;
        for (var j = 0; j < parts.Length && used + 1 < rows; j++)
        {
            var part = parts[j];
            if (part.Kind == LineKind.Dialogue)
            {
                var lineIndex = 0;
                // Only cuts within the lines that can fit above (MORE) matter: look no further (keeps a split O(page)).
                var fitting = Math.Min(part.Lines.Count, rows - used - 1);
                foreach (var cut in Boundaries(part, fitting, forced))
                {
                    while (lineIndex < part.Lines.Count && part.Lines[lineIndex].Start < cut)
                    {
                        lineIndex++;
                    }

                    if (lineIndex >= min && used + lineIndex + 1 <= rows)
                    {
                        candidates.Add((j, cut));
                    }
                }

                if (j < parts.Length - 1 && used + part.Lines.Count + 1 <= rows)
                {
                    candidates.Add((j, -1));
                }
            }

            used += part.Lines.Count;
        }

        // The latest allowed cut keeps the most on this page; the rest must still have enough lines to stand.
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            var (j, cut) = candidates[c];
            var first = new List<WrappedPart>(parts.Take(j));
            var rest = new List<WrappedPart>();
            var part = parts[j];
            int moreSource;
            if (cut < 0)
            {
                first.Add(part);
                moreSource = part.SourceAt(part.End);
            }
            else
            {
                first.Add(part.Prefix(cut));
                var restStart = LineWrapper.SkipBoundary(part.Text.Plain, cut, part.End);
                if (restStart < part.End)
                {
                    rest.Add(part.Suffix(restStart));
                }

                moreSource = part.SourceAt(cut);
            }

            rest.AddRange(parts.Skip(j + 1));
            if (rest.Sum(p => p.Lines.Count) < min)
            {
                continue;
            }

            return (new DialogueBlock(cue, [.. first], continuedCue, characterFormat) { SpaceBefore = SpaceBefore, MoreAt = (part.ElementIndex, moreSource), Continued = Continued },
                    new DialogueBlock([continuedCue.Build(characterFormat)], [.. rest], continuedCue, characterFormat) { SpaceBefore = 0, Continued = true });
        }

        return null;
    }

    /// <summary>
    /// When the group continues on the next page: the element and source offset of the "(MORE)" printed under its
    /// last line (the line itself is made when the page is emitted). (-1, 0) otherwise.
    /// </summary>
    private (int Element, int Source) MoreAt { get; init; } = (-1, 0);

    private bool HasMore => MoreAt.Element >= 0;

    /// <summary>The rest of a split group: its cue is the repeated "NAME (CONT'D)", not text of its own.</summary>
    private bool Continued { get; init; }

    public override (int Start, int End) SourceExtent()
    {
        var extent = (Start: int.MaxValue, End: -1);
        if (!Continued)
        {
            foreach (var line in cue)
            {
                Widen(ref extent, line.SourceStart, line.SourceLength);
            }
        }

        foreach (var part in parts)
        {
            part.WidenExtent(ref extent);
        }

        return Final(extent);
    }

    public override void Emit(int row, List<(int Row, DraftLine Line)> into)
    {
        foreach (var line in cue)
        {
            into.Add((row++, line));
        }

        foreach (var part in parts)
        {
            var lines = part.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                into.Add((row++, part.Draft(lines[i])));
            }
        }

        if (HasMore)
        {
            into.Add((row, new DraftLine(LineKind.More, Formats.X(characterFormat.Column), MoreRuns, MoreAt.Element, MoreAt.Source, 0, parts[^1].Dual)));
        }
    }

    private static IEnumerable<int> Boundaries(WrappedPart part, int fitting, bool forced)
    {
        if (fitting <= 0)
        {
            return [];
        }

        if (!forced)
        {
            // A boundary sits on the space after a sentence: include one character past the last fitting line.
            var limit = Math.Min(part.End, part.Lines[fitting - 1].End + 1);
            return SentenceEnds.Boundaries(part.Text.Plain, part.Start, limit);
        }

        return Enumerable.Range(0, Math.Min(fitting, part.Lines.Count - 1)).Select(i => part.Lines[i].End);
    }
}
