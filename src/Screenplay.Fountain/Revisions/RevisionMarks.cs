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
    /// <param name="lockedPages">
    /// The baseline's locked page breaks (in the baseline's text, e.g. <see cref="LockPages"/>): when given, pages
    /// keep the baseline's numbers, with A-pages for overflow and "12-13" for pages whose text was cut.
    /// </param>
    public static PaginatedScript Paginate(string baseline, string current, PageLayout? layout = null, string? headerLabel = null,
        LockedPages? lockedPages = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        layout ??= PageLayout.Default;
        var document = Fountain.Parse(current);
        return Paginator.Paginate(document, layout with
        {
            Revisions = ChangedRanges(baseline, current),
            HeaderLabel = headerLabel ?? layout.HeaderLabel,
            LockedPages = lockedPages?.Map(TextPatch.ChangeSetBetween(baseline, current)),
        });
    }

    /// <summary>The page breaks of <paramref name="baseline"/> laid out with <paramref name="layout"/>: what locking its pages keeps.</summary>
    public static LockedPages LockPages(string baseline, PageLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        layout ??= PageLayout.Default;
        return LockedPages.Of(Paginator.Paginate(Fountain.Parse(baseline), layout with { Revisions = [], LockedPages = null }));
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
