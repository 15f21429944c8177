using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>Turns a flowed page into positioned lines and adds what is printed around the text: page number, header label, scene numbers, revision marks.</summary>
internal static class PageFurniture
{
    /// <param name="printedNumber">The page's number as printed ("12", "12A", "12-13"); the first page "1" prints none.</param>
    public static ImmutableArray<LayoutLine> Finish(List<(int Row, DraftLine Line)> body, string printedNumber, PageLayout layout, RevisionIndex revisions)
    {
        var lines = ImmutableArray.CreateBuilder<LayoutLine>(body.Count + 2);
        if (!string.IsNullOrEmpty(layout.HeaderLabel))
        {
            lines.Add(new LayoutLine(LineKind.HeaderLabel, Formats.X(Formats.HeaderLabelColumn), Formats.PageNumberRow, [new TextRun(layout.HeaderLabel)]));
        }

        if (Page.LabelOf(printedNumber) is { } label)
        {
            lines.Add(new LayoutLine(LineKind.PageNumber, Formats.X(Formats.PageNumberRightEdge - label.Length), Formats.PageNumberRow, [new TextRun(label)]));
        }

        var markedRows = new HashSet<int>();
        foreach (var (bodyRow, draft) in body)
        {
            var row = Formats.FirstBodyRow + bodyRow;
            var revised = draft.Kind != LineKind.More && revisions.Touches(draft.SourceStart, draft.SourceLength);
            lines.Add(new LayoutLine(draft.Kind, draft.X, row, draft.Runs)
            {
                ElementIndex = draft.ElementIndex,
                SourceStart = draft.SourceStart,
                SourceLength = draft.SourceLength,
                SceneNumber = draft.SceneNumber,
                Revised = revised,
                Dual = draft.Dual,
            });

            if (layout.SceneNumbers && draft.SceneNumber is { } number)
            {
                var columns = TextColumns.Of(number);
                lines.Add(new LayoutLine(LineKind.SceneNumber, Formats.X(Formats.SceneNumberLeftEnd - columns), row, [new TextRun(number)]) { ElementIndex = draft.ElementIndex });
                lines.Add(new LayoutLine(LineKind.SceneNumber, Formats.X(Formats.SceneNumberRightColumn), row, [new TextRun(number)]) { ElementIndex = draft.ElementIndex });
            }

            // Dual dialogue puts two lines on one row: one asterisk is enough.
            if (revised && markedRows.Add(row))
            {
                lines.Add(new LayoutLine(LineKind.RevisionMark, Formats.X(Formats.RevisionMarkColumn), row, [new TextRun("*")]) { ElementIndex = draft.ElementIndex });
            }
        }

        return lines.ToImmutable();
    }
}

/// <summary>The revised source ranges merged and sorted, answering "does this line touch a change?" by binary search.</summary>
internal sealed class RevisionIndex
{
    private readonly SourceRange[] _ranges;

    public RevisionIndex(ImmutableArray<SourceRange> ranges)
    {
        var sorted = ranges.IsDefaultOrEmpty ? [] : ranges.OrderBy(r => r.Start).ToArray();
        var merged = new List<SourceRange>(sorted.Length);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new SourceRange(last.Start, Math.Max(last.End, range.End) - last.Start);
            }
            else
            {
                merged.Add(range);
            }
        }

        _ranges = [.. merged];
    }

    /// <summary>
    /// True when a range overlaps [start, start + length), or when an empty range (a deletion) falls inside it or at
    /// its end.
    /// </summary>
    public bool Touches(int start, int length)
    {
        if (_ranges.Length == 0 || length == 0)
        {
            return false;
        }

        var end = start + length;
        int lo = 0, hi = _ranges.Length - 1, first = _ranges.Length;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_ranges[mid].End >= start)
            {
                first = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        for (var i = first; i < _ranges.Length && _ranges[i].Start <= end; i++)
        {
            var r = _ranges[i];
            if (r.Length == 0 ? r.Start >= start && r.Start <= end : r.Start < end && r.End > start)
            {
                return true;
            }
        }

        return false;
    }
}
