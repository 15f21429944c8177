using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Turns a flowed page into positioned lines and adds what is printed around the text: page number, header label,
/// scene numbers, revision marks. One instance serves a whole pagination and reuses its buffers from page to page.
/// </summary>
internal sealed class PageFurniture(PageLayout layout, RevisionIndex revisions)
{
    private static readonly ImmutableArray<TextRun> RevisionMark = [new TextRun("*")];

    private readonly List<LayoutLine> _lines = [];
    private readonly HashSet<int> _markedRows = [];

    /// <summary>Leading slots <see cref="Body"/> leaves free for the header label and the page number.</summary>
    private int Reserved => (string.IsNullOrEmpty(layout.HeaderLabel) ? 0 : 1) + 1;

    /// <summary>
    /// The page's text lines at their rows, with scene numbers and revision marks beside them, after free slots for
    /// the header label and page number (<see cref="Finish"/> fills them once the page's number is final).
    /// </summary>
    public LayoutLine[] Body(List<(int Row, DraftLine Line)> body)
    {
        _lines.Clear();
        _markedRows.Clear();
        foreach (var (bodyRow, draft) in body)
        {
            var row = Formats.FirstBodyRow + bodyRow;
            var revised = draft.Kind != LineKind.More && revisions.Touches(draft.SourceStart, draft.SourceLength);
            _lines.Add(new LayoutLine(draft.Kind, draft.X, row, draft.Runs)
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
                ImmutableArray<TextRun> runs = [new TextRun(number)];
                _lines.Add(new LayoutLine(LineKind.SceneNumber, Formats.X(Formats.SceneNumberLeftEnd - columns), row, runs) { ElementIndex = draft.ElementIndex });
                _lines.Add(new LayoutLine(LineKind.SceneNumber, Formats.X(Formats.SceneNumberRightColumn), row, runs) { ElementIndex = draft.ElementIndex });
            }

            // Dual dialogue puts two lines on one row: one asterisk is enough.
            if (revised && _markedRows.Add(row))
            {
                _lines.Add(new LayoutLine(LineKind.RevisionMark, Formats.X(Formats.RevisionMarkColumn), row, RevisionMark) { ElementIndex = draft.ElementIndex });
            }
        }

        var lines = new LayoutLine[Reserved + _lines.Count];
        _lines.CopyTo(lines, Reserved);
        return lines;
    }

    /// <summary>The page's lines: header label and page number in the slots <see cref="Body"/> left, then the body.</summary>
    /// <param name="body">A result of <see cref="Body"/>, filled in place when the page has a number to print.</param>
    /// <param name="printedNumber">The page's number as printed ("12", "12A", "12-13"); the first page "1" prints none.</param>
    public ImmutableArray<LayoutLine> Finish(LayoutLine[] body, string printedNumber)
    {
        var at = 0;
        if (!string.IsNullOrEmpty(layout.HeaderLabel))
        {
            body[at++] = new LayoutLine(LineKind.HeaderLabel, Formats.X(Formats.HeaderLabelColumn), Formats.PageNumberRow, [new TextRun(layout.HeaderLabel)]);
        }

        if (Page.LabelOf(printedNumber) is { } label)
        {
            body[at] = new LayoutLine(LineKind.PageNumber, Formats.X(Formats.PageNumberRightEdge - label.Length), Formats.PageNumberRow, [new TextRun(label)]);
            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(body);
        }

        // No number on this page (the first): close the slot it would have taken.
        var lines = new LayoutLine[body.Length - 1];
        body.AsSpan(0, at).CopyTo(lines);
        body.AsSpan(at + 1).CopyTo(lines.AsSpan(at));
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(lines);
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
