using System.Collections;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Wrapped lines as a few lines of their own followed by a shared tail of another wrap: the remainder of a split
/// paragraph re-wraps only until its line starts meet the original ones again, then shares the rest, so a speech
/// that runs over hundreds of pages is not re-wrapped (or copied) once per page. A struct kept inside its part:
/// views are one level deep (a view's tail is always a plain array of lines), so it needs no object of its own.
/// </summary>
internal readonly struct LineView : IReadOnlyList<Slice>
{
    /// <summary>How much text after a cut is re-wrapped while looking for a line start the original wrap also has.</summary>
    private const int ResyncWindow = 2048;

    private readonly Slice[] _head;
    private readonly Slice[]? _tail;
    private readonly int _tailStart;

    private LineView(Slice[] head, Slice[]? tail, int tailStart)
    {
        _head = head;
        _tail = tail;
        _tailStart = tailStart;
        Count = head.Length + (tail is null ? 0 : tail.Length - tailStart);
    }

    public int Count { get; }

    public Slice this[int index] => index < _head.Length ? _head[index] : _tail![_tailStart + index - _head.Length];

    public static LineView Wrap(string text, int start, int end, int width) =>
        Of(LineWrapper.Wrap(text, start, end, width));

    /// <summary>Lines already wrapped into a reused <paramref name="buffer"/>, copied to an array of their own.</summary>
    public static LineView Of(List<Slice> buffer) => new([.. buffer], null, 0);

    /// <summary>The wrap of [<paramref name="start"/>, <paramref name="end"/>), where <paramref name="end"/> is the end of <paramref name="original"/>'s text.</summary>
    public static LineView Suffix(LineView original, string text, int start, int end, int width)
    {
        var at = original.IndexOfStart(start);
        if (at >= 0)
        {
            return original.From(at, []);
        }

        var window = LineWrapper.Wrap(text, start, Math.Min(end, start + ResyncWindow), width);
        // The window's last line may be cut short by the window itself: only lines before it can be trusted.
        for (var k = 1; k < window.Count - 1 || (k < window.Count && start + ResyncWindow >= end); k++)
        {
            var match = original.IndexOfStart(window[k].Start);
            if (match >= 0)
            {
                return original.From(match, [.. window.GetRange(0, k)]);
            }
        }

        return start + ResyncWindow >= end ? Of(window) : Wrap(text, start, end, width);
    }

    /// <summary>
    /// <paramref name="head"/> followed by this view's lines from <paramref name="index"/> on, sharing this view's
    /// array (its tail when the index is past its own lines) so that views stay one level deep however often a
    /// paragraph is split.
    /// </summary>
    private LineView From(int index, Slice[] head)
    {
        if (index >= _head.Length && _tail is not null)
        {
            return new LineView(head, _tail, _tailStart + index - _head.Length);
        }

        if (_tail is null)
        {
            return new LineView(head, _head, index);
        }

        // Inside this view's own lines, with a tail after them: copy the rest of those lines, share the tail.
        return new LineView([.. head, .. _head.AsSpan(index)], _tail, _tailStart);
    }

    /// <summary>Index of the line starting exactly at <paramref name="position"/>, or -1 (line starts increase).</summary>
    public int IndexOfStart(int position)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = this[mid].Start;
            if (s == position)
            {
                return mid;
            }

            if (s < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    public IEnumerator<Slice> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
