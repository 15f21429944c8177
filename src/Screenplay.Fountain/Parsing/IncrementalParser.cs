using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Re-parses only the paragraphs around a change. Paragraphs are independent once a blank line outside boneyard and
/// notes separates them, so the window runs from the clean blank line before the change to the clean blank line
/// after it; elements before are reused as they are, elements after are shifted. A change that could move a
/// boneyard or note boundary (it touches one, creates or breaks a <c>/*</c> <c>*/</c> <c>[[</c> <c>]]</c>, or falls
/// where an unclosed <c>[[</c> looked for its end) re-parses everything, which is always correct and rare.
/// </summary>
internal static class IncrementalParser
{
    public static Document Reparse(Document previous, TextChange change)
    {
        var old = previous.Text;
        if (change.Offset < 0 || change.RemovedLength < 0 || change.Offset > old.Length || change.RemovedLength > old.Length - change.Offset)
        {
            throw new ArgumentOutOfRangeException(nameof(change), $"change [{change.Offset}, +{change.RemovedLength}) lies outside a text of length {old.Length}");
        }

        string inserted = change.Inserted ?? string.Empty;
        var text = old.Apply(change); // pieces of the old text and the insertion: nothing is copied
        int start = change.Offset;
        int oldEnd = start + change.RemovedLength;
        int newEnd = start + inserted.Length;
        int delta = inserted.Length - change.RemovedLength;

        if (previous.Masks is not { } previousMasks || MayMoveMasks(previousMasks, old, text, start, oldEnd, newEnd))
        {
            return DocumentParser.Parse(text.ToString());
        }

        var masks = ShiftMasks(previousMasks, start, delta);
        var (windowStart, atDocumentStart) = FindWindowStart(text, masks.Masks, start);
        int windowEnd = FindWindowEnd(text, masks.Masks, newEnd);
        int oldWindowEnd = windowEnd - delta;

        var elements = previous.Elements;
        int first = FirstStartingAtOrAfter(elements, windowStart);
        int last = FirstStartingAtOrAfter(elements, oldWindowEnd);
        int line = atDocumentStart ? 1 : LineAt(previous, old, first, windowStart);
        int lineDelta = inserted.AsSpan().Count('\n') - old.Count('\n', start, change.RemovedLength);

        // Only the window is made a string; it is parsed at offset 0 and its elements moved to where the window starts.
        var parsed = new ElementList.Builder();
        string window = text.Substring(windowStart, windowEnd - windowStart);
        int from = atDocumentStart && window.Length > 0 && window[0] == '\uFEFF' ? 1 : 0;
        var titlePage = BlockParser.Parse(window, WindowMasks(masks.Masks, windowStart, windowEnd), from, window.Length, line, atDocumentStart, parsed);
        if (!atDocumentStart)
        {
            titlePage = previous.TitlePage;
        }

        // Nothing is copied: the elements before the window are shared as they are, the window's and those after it are
        // shared with the shift recorded on their segments (ElementList moves their spans when someone reads them).
        var builder = new ElementList.Builder();
        builder.AddRange(elements, 0, first);
        var windowElements = parsed.ToList();
        builder.AddRange(windowElements, 0, windowElements.Length, windowStart, 0);
        builder.AddRange(elements, last, elements.Length, delta, lineDelta);
        var newElements = builder.ToList();
        bool sectionsChanged = HasSection(windowElements, 0, windowElements.Length) || HasSection(elements, first, last);
        int count = windowElements.Length;
        var reuse = new SceneIndexer.Reuse(previous.Scenes, first, first + count, count - (last - first), delta, lineDelta, sectionsChanged);
        var scenes = SceneIndexer.Build(newElements, reuse);
        return new Document(string.Empty, titlePage, newElements, scenes, ShiftNotes(previous.Notes, start, delta, lineDelta))
        {
            Text = text,
            Masks = masks,
        };
    }

    /// <summary>The masks inside [<paramref name="start"/>, <paramref name="end"/>), in the window's own offsets (a window never cuts a mask).</summary>
    private static Mask[] WindowMasks(Mask[] masks, int start, int end)
    {
        int lo = 0;
        while (lo < masks.Length && masks[lo].End <= start)
        {
            lo++;
        }

        int hi = lo;
        while (hi < masks.Length && masks[hi].Start < end)
        {
            hi++;
        }

        if (hi == lo)
        {
            return [];
        }

        var result = new Mask[hi - lo];
        for (int i = lo; i < hi; i++)
        {
            result[i - lo] = masks[i].Shift(-start);
        }

        return result;
    }

    private static bool HasSection(ElementList elements, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (elements.Unshifted(i).Type == ElementType.Section)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayMoveMasks(MaskSet masks, PieceText old, PieceText text, int start, int oldEnd, int newEnd)
    {
        foreach (var m in masks.Masks)
        {
            if (m.Start <= oldEnd && m.End >= start)
            {
                return true;
            }
        }

        foreach (var r in masks.FailedNoteScans)
        {
            if (r.Start <= oldEnd && r.End >= start)
            {
                return true;
            }
        }

        return HasMaskToken(old, start - 1, oldEnd + 1) || HasMaskToken(text, start - 1, newEnd + 1);
    }

    private static bool HasMaskToken(PieceText s, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(s.Length, to);
        var span = s.Slice(from, to - from);
        return span.Contains("/*", StringComparison.Ordinal) || span.Contains("*/", StringComparison.Ordinal)
            || span.Contains("[[", StringComparison.Ordinal) || span.Contains("]]", StringComparison.Ordinal);
    }

    private static MaskSet ShiftMasks(MaskSet masks, int start, int delta)
    {
        if (delta == 0 || (masks.Masks.Length == 0 && masks.FailedNoteScans.Length == 0))
        {
            return masks;
        }

        var m = new Mask[masks.Masks.Length];
        for (int i = 0; i < m.Length; i++)
        {
            var x = masks.Masks[i];
            m[i] = x.Start > start ? x.Shift(delta) : x;
        }

        var f = new Range2[masks.FailedNoteScans.Length];
        for (int i = 0; i < f.Length; i++)
        {
            var x = masks.FailedNoteScans[i];
            f[i] = x.Start > start ? x.Shift(delta) : x;
        }

        return new MaskSet(m, f);
    }

    private static ImmutableArray<Note> ShiftNotes(ImmutableArray<Note> notes, int start, int delta, int lineDelta)
    {
        if (notes.IsEmpty || (delta == 0 && lineDelta == 0))
        {
            return notes;
        }

        var b = ImmutableArray.CreateBuilder<Note>(notes.Length);
        foreach (var n in notes)
        {
            b.Add(n.Span.Start > start ? n with { Span = new SourceSpan(n.Span.Start + delta, n.Span.Length, n.Span.Line + lineDelta) } : n);
        }

        return b.MoveToImmutable();
    }

    /// <summary>The start of the line after the nearest clean blank line before the line holding <paramref name="offset"/>.</summary>
    private static (int Start, bool AtDocumentStart) FindWindowStart(PieceText text, Mask[] masks, int offset)
    {
        int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        while (lineStart > 0)
        {
            int prevEnd = lineStart - 1; // the '\n' ending the previous line
            int prevStart = prevEnd == 0 ? 0 : text.LastIndexOf('\n', prevEnd - 1) + 1;
            if (IsCleanBlank(text, masks, prevStart, prevEnd))
            {
                return (lineStart, false);
            }

            lineStart = prevStart;
        }

        return (0, true);
    }

    /// <summary>The start of the first clean blank line after the line holding <paramref name="offset"/>, or the end of the text.</summary>
    private static int FindWindowEnd(PieceText text, Mask[] masks, int offset)
    {
        int nl = text.IndexOf('\n', Math.Min(offset, text.Length));
        while (nl >= 0)
        {
            int lineStart = nl + 1;
            int next = text.IndexOf('\n', lineStart);
            int lineEnd = next < 0 ? text.Length : next;
            if (IsCleanBlank(text, masks, lineStart, lineEnd))
            {
                return lineStart;
            }

            nl = next;
        }

        return text.Length;
    }

    /// <summary>Blank by <see cref="LineRules.IsBlank"/> and not inside boneyard or a note: exactly what ends a paragraph.</summary>
    private static bool IsCleanBlank(PieceText text, Mask[] masks, int start, int end)
    {
        if (!LineRules.IsBlank(text.Slice(start, end - start)))
        {
            return false;
        }

        if (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        int lo = 0, hi = masks.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (masks[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == masks.Length || masks[lo].Start >= end && !(end == start && masks[lo].Start < start);
    }

    private static int FirstStartingAtOrAfter(ElementList elements, int offset)
    {
        int lo = 0, hi = elements.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (elements.SpanAt(mid).Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The line number of <paramref name="offset"/>, counted from the nearest element before it (text before the change is unchanged).</summary>
    private static int LineAt(Document previous, PieceText old, int firstAffected, int offset)
    {
        int anchor = 0, line = 1;
        if (firstAffected > 0)
        {
            var span = previous.Elements.SpanAt(firstAffected - 1);
            anchor = span.Start;
            line = span.Line;
        }
        else if (!previous.TitlePage.IsEmpty)
        {
            var t = previous.TitlePage[^1];
            anchor = t.Span.Start;
            line = t.Span.Line;
        }

        return line + old.Count('\n', anchor, offset - anchor);
    }
}
