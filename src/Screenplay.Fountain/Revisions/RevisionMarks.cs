using System.Collections.Immutable;
using Screenplay.Fountain.Layout;

namespace Screenplay.Fountain.Revisions;

/// <summary>
/// What changed since a baseline, in the form the paginator marks with <c>*</c>: source ranges of the current text.
/// Lines are compared first (cheap on a long script), then words inside each changed stretch, so a one-word edit
/// in a long action paragraph marks only the printed line that carries it, not the whole paragraph.
/// </summary>
public static class RevisionMarks
{
    /// <summary>
    /// Ranges of <paramref name="current"/> that differ from <paramref name="baseline"/>: inserted or replaced text as
    /// its range, removed text as an empty range where it was. Edits that only change spaces inside a line are
    /// ignored (they do not change what a reader sees). Sorted, non-overlapping.
    /// </summary>
    public static ImmutableArray<SourceRange> ChangedRanges(string baseline, string current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var ranges = ImmutableArray.CreateBuilder<SourceRange>();
        foreach (var block in TextDiff.Lines(baseline, current))
        {
            if (block.OldLength == 0 || block.NewLength == 0)
            {
                Add(ranges, current, baseline.AsSpan(block.OldStart, block.OldLength), block.NewStart, block.NewLength);
                continue;
            }

            var oldBlock = baseline.Substring(block.OldStart, block.OldLength);
            var newBlock = current.Substring(block.NewStart, block.NewLength);
            foreach (var word in TextDiff.Words(oldBlock, newBlock))
            {
                Add(ranges, current, oldBlock.AsSpan(word.OldStart, word.OldLength), block.NewStart + word.NewStart, word.NewLength);
            }
        }

        return ranges.ToImmutable();
    }

    /// <summary>The pages (1-based numbers) that carry at least one revision mark, in order: the pages to issue.</summary>
    public static ImmutableArray<int> RevisedPages(PaginatedScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return [.. script.Pages.Where(p => p.Lines.Any(l => l.Kind == LineKind.RevisionMark)).Select(p => p.Number)];
    }

    /// <summary>
    /// <paramref name="current"/> paginated with every line changed since <paramref name="baseline"/> marked, and the
    /// given header label on each page.
    /// </summary>
    public static PaginatedScript Paginate(string baseline, string current, PageLayout? layout = null, string? headerLabel = null)
    {
        layout ??= PageLayout.Default;
        var document = Fountain.Parse(current);
        return Paginator.Paginate(document, layout with
        {
            Revisions = ChangedRanges(baseline, current),
            HeaderLabel = headerLabel ?? layout.HeaderLabel,
        });
    }

    private static void Add(ImmutableArray<SourceRange>.Builder ranges, string current, ReadOnlySpan<char> removed, int start, int length)
    {
        var inserted = current.AsSpan(start, length);
        if (IsBlankWithoutBreak(removed) && IsBlankWithoutBreak(inserted))
        {
            return;
        }

        var range = new SourceRange(start, length);
        if (ranges.Count > 0 && ranges[^1].End >= range.Start)
        {
            var last = ranges[^1];
            ranges[^1] = new SourceRange(last.Start, Math.Max(last.End, range.End) - last.Start);
            return;
        }

        ranges.Add(range);
    }

    private static bool IsBlankWithoutBreak(ReadOnlySpan<char> text) =>
        text.IndexOfAnyExcept(" \t") < 0;
}
