using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Screenplay.Fountain.Parsing;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// The elements of a document: an immutable list kept as segments, each a stretch of an array of at most
/// <see cref="ChunkSize"/> references (16 KB). Two things make it more than an array:
/// <list type="bullet">
/// <item>No array is a large object (over 85 KB); every large object allocated counts toward a full garbage collection,
/// which marks the whole document being built, so a long script would cost more per page than a short one.</item>
/// <item>A re-parse builds its list from the previous one's segments: the elements before the change are shared, and
/// those after it too, with the change's length and line count recorded on their segment instead of a shifted copy of
/// every element (a keystroke in the middle of a feature would otherwise copy some 1,500 records). A shifted segment is
/// copied with its spans moved only when someone reads one of its elements, once per list.</item>
/// </list>
/// </summary>
[CollectionBuilder(typeof(ElementList), nameof(Create))]
public sealed class ElementList : IReadOnlyList<Element>
{
    internal const int ChunkSize = 2048;

    /// <summary>More segments than this beyond the whole chunks and a builder copies everything into whole chunks (re-parses keep adding some).</summary>
    private const int MaxSegments = 48;

    private readonly Segment[] _segments;

    /// <summary>Where each segment ends in the list (a running count), for finding an index's segment by halving.</summary>
    private readonly int[] _ends;

    private ElementList(Segment[] segments)
    {
        _segments = segments;
        _ends = new int[segments.Length];
        int count = 0;
        for (int k = 0; k < segments.Length; k++)
        {
            count += segments[k].Count;
            _ends[k] = count;
        }

        Length = count;
    }

    public static ElementList Empty { get; } = new([]);

    public int Length { get; }

    int IReadOnlyCollection<Element>.Count => Length;

    public bool IsEmpty => Length == 0;

    public Element this[int index]
    {
        get
        {
            int k = SegmentOf(index);
            var s = Settled(k);
            return s.Items[s.Start + index - Begin(k)];
        }
    }

    public static ElementList Create(ReadOnlySpan<Element> items)
    {
        var builder = new Builder(items.Length);
        foreach (var e in items)
        {
            builder.Add(e);
        }

        return builder.ToList();
    }

    public static implicit operator ElementList(ImmutableArray<Element> items) =>
        items.IsDefaultOrEmpty ? Empty : Create(items.AsSpan());

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Element> IEnumerable<Element>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The element's span without copying its segment (what a re-parse reads).</summary>
    internal SourceSpan SpanAt(int index)
    {
        int k = SegmentOf(index);
        var s = _segments[k];
        var span = s.Items[s.Start + index - Begin(k)].Span;
        return new SourceSpan(span.Start + s.Delta, span.Length, span.Line + s.LineDelta);
    }

    /// <summary>The element as stored, its span possibly behind by its segment's shift: for what a shift does not change (type, text).</summary>
    internal Element Unshifted(int index)
    {
        int k = SegmentOf(index);
        return _segments[k].Items[_segments[k].Start + index - Begin(k)];
    }

    private int Begin(int k) => k == 0 ? 0 : _ends[k - 1];

    private int SegmentOf(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the list has {Length} elements");
        }

        int lo = 0, hi = _ends.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_ends[mid] <= index)
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

    /// <summary>Segment <paramref name="k"/> with its spans in place, copied once if they were behind (every reader then sees the same copy).</summary>
    private Segment Settled(int k)
    {
        var s = _segments[k];
        if (s.Delta == 0 && s.LineDelta == 0)
        {
            return s;
        }

        Interlocked.CompareExchange(ref _segments[k], s.Settle(), s);
        return _segments[k];
    }

    /// <summary>
    /// <c>Items[Start..Start+Count)</c>, each element's real span being its stored one moved by <c>Delta</c> characters and
    /// <c>LineDelta</c> lines. Arrays are never written once a segment refers to them.
    /// </summary>
    private sealed record Segment(Element[] Items, int Start, int Count, int Delta, int LineDelta)
    {
        public Segment Settle()
        {
            var copy = new Element[Count];
            for (int i = 0; i < Count; i++)
            {
                var e = Items[Start + i];
                copy[i] = e with { Span = new SourceSpan(e.Span.Start + Delta, e.Span.Length, e.Span.Line + LineDelta) };
            }

            return new Segment(copy, 0, Count, 0, 0);
        }
    }

    public struct Enumerator(ElementList list) : IEnumerator<Element>
    {
        private int _segment = -1;
        private Segment? _current;
        private int _offset;

        public readonly Element Current => _current!.Items[_current.Start + _offset];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_current is not null && ++_offset < _current.Count)
            {
                return true;
            }

            while (++_segment < list._segments.Length)
            {
                _current = list.Settled(_segment);
                _offset = 0;
                if (_current.Count > 0)
                {
                    return true;
                }
            }

            _current = null;
            return false;
        }

        public void Reset()
        {
            _segment = -1;
            _current = null;
        }

        public readonly void Dispose()
        {
        }
    }

    /// <summary>
    /// Appends elements (into fresh chunks, the last one grown by doubling up to a whole chunk) and stretches of other
    /// lists (shared, with a shift). The builder must not be used after <see cref="ToList"/>.
    /// </summary>
    internal sealed class Builder : IElementSink
    {
        private readonly List<Segment> _segments = [];
        private readonly int _expected;
        private Element[] _current = [];
        private int _inCurrent;
        private int _count;

        /// <param name="expected">About how many elements will be added one by one, so the last chunk is not grown by doubling.</param>
        public Builder(int expected = 0) => _expected = expected;

        public int Count => _count;

        public void Add(Element item)
        {
            if (_inCurrent == _current.Length)
            {
                Grow();
            }

            _current[_inCurrent++] = item;
            _count++;
        }

        /// <summary>Appends <c>source[from..to)</c> moved by <paramref name="delta"/> characters and <paramref name="lineDelta"/> lines, sharing its arrays.</summary>
        public void AddRange(ElementList source, int from, int to, int delta = 0, int lineDelta = 0)
        {
            if (from >= to)
            {
                return;
            }

            CloseCurrent();
            for (int k = source.SegmentOf(from); from < to; k++)
            {
                var s = source._segments[k];
                int begin = source.Begin(k);
                int start = from - begin;
                int count = Math.Min(to, begin + s.Count) - from;
                _segments.Add(new Segment(s.Items, s.Start + start, count, s.Delta + delta, s.LineDelta + lineDelta));
                from += count;
                _count += count;
            }
        }

        public ElementList ToList()
        {
            CloseCurrent();
            if (_count == 0)
            {
                return Empty;
            }

            return _segments.Count <= (_count / ChunkSize) + MaxSegments ? new ElementList([.. _segments]) : Compacted();
        }

        /// <summary>Everything copied into whole chunks with spans in place: one segment per chunk again.</summary>
        private ElementList Compacted()
        {
            var chunks = new List<Segment>();
            var chunk = new Element[Math.Min(ChunkSize, _count)];
            int filled = 0;
            int left = _count;
            foreach (var s in _segments)
            {
                for (int i = 0; i < s.Count; i++)
                {
                    var e = s.Items[s.Start + i];
                    if (s.Delta != 0 || s.LineDelta != 0)
                    {
                        e = e with { Span = new SourceSpan(e.Span.Start + s.Delta, e.Span.Length, e.Span.Line + s.LineDelta) };
                    }

                    chunk[filled++] = e;
                    left--;
                    if (filled == chunk.Length)
                    {
                        chunks.Add(new Segment(chunk, 0, filled, 0, 0));
                        chunk = left > 0 ? new Element[Math.Min(ChunkSize, left)] : [];
                        filled = 0;
                    }
                }
            }

            return new ElementList([.. chunks]);
        }

        private void CloseCurrent()
        {
            if (_inCurrent > 0)
            {
                _segments.Add(new Segment(_current, 0, _inCurrent, 0, 0));
            }

            _current = [];
            _inCurrent = 0;
        }

        private void Grow()
        {
            if (_inCurrent == ChunkSize)
            {
                CloseCurrent();
            }

            int size = _current.Length == 0
                ? Math.Clamp(_expected - _count, 16, ChunkSize)
                : Math.Min(ChunkSize, _current.Length * 2);
            var larger = new Element[size];
            Array.Copy(_current, larger, _inCurrent);
            _current = larger;
        }
    }
}
