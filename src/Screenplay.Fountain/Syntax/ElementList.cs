using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Screenplay.Fountain.Parsing;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// The elements of a document: an immutable list stored in chunks of <see cref="ChunkSize"/> references (16 KB).
/// One array for a feature-length script five times over would be a large object (over 85 KB), and every large object
/// allocated counts toward a full garbage collection that marks the whole document being built: the parse of a long
/// script would cost more per page than a short one. Chunks also let a re-parse share the untouched chunks before a
/// change instead of copying them.
/// </summary>
[CollectionBuilder(typeof(ElementList), nameof(Create))]
public sealed class ElementList : IReadOnlyList<Element>
{
    internal const int ChunkShift = 11;
    internal const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly Element[][] _chunks;

    private ElementList(Element[][] chunks, int length)
    {
        _chunks = chunks;
        Length = length;
    }

    public static ElementList Empty { get; } = new([], 0);

    public int Length { get; }

    int IReadOnlyCollection<Element>.Count => Length;

    public bool IsEmpty => Length == 0;

    public Element this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the list has {Length} elements");
            }

            return _chunks[index >> ChunkShift][index & ChunkMask];
        }
    }

    public static ElementList Create(ReadOnlySpan<Element> items)
    {
        var builder = new Builder();
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

    public struct Enumerator(ElementList list) : IEnumerator<Element>
    {
        private int _index = -1;

        public readonly Element Current => list._chunks[_index >> ChunkShift][_index & ChunkMask];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < list.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }

    /// <summary>
    /// Appends elements into chunks. Every chunk but the last is full; the last grows by doubling up to a whole chunk, so a
    /// short document does not pay for 16 KB. A chunk taken whole from another list is shared, never written to again.
    /// </summary>
    internal sealed class Builder : IElementSink
    {
        private readonly List<Element[]> _chunks = [];
        private readonly int _expected;
        private Element[] _current = [];
        private int _inCurrent;

        /// <param name="expected">About how many elements will come in all, so the last chunk is not grown by doubling.</param>
        public Builder(int expected = 0) => _expected = expected;

        public int Count => (_chunks.Count * ChunkSize) + _inCurrent;

        public Element this[int index] =>
            (index >> ChunkShift) < _chunks.Count ? _chunks[index >> ChunkShift][index & ChunkMask] : _current[index & ChunkMask];

        public void Add(Element item)
        {
            if (_inCurrent == _current.Length)
            {
                Grow();
            }

            _current[_inCurrent++] = item;
        }

        /// <summary>Appends <c>source[from..to)</c>; while this builder is at a chunk boundary, whole chunks are shared.</summary>
        public void AddRange(ElementList source, int from, int to)
        {
            while (from < to)
            {
                if (_inCurrent == 0 && (from & ChunkMask) == 0 && to - from >= ChunkSize)
                {
                    _chunks.Add(source._chunks[from >> ChunkShift]);
                    from += ChunkSize;
                    continue;
                }

                if (_inCurrent == _current.Length)
                {
                    Grow();
                }

                // As much as both the source chunk and this chunk hold, in one copy.
                int offset = from & ChunkMask;
                int n = Math.Min(Math.Min(to - from, ChunkSize - offset), _current.Length - _inCurrent);
                Array.Copy(source._chunks[from >> ChunkShift], offset, _current, _inCurrent, n);
                _inCurrent += n;
                from += n;
            }
        }

        /// <summary>The list of everything added. The builder must not be used after this: the list owns its last chunk.</summary>
        public ElementList ToList()
        {
            int length = Count;
            if (length == 0)
            {
                return Empty;
            }

            var chunks = new Element[_chunks.Count + (_inCurrent > 0 ? 1 : 0)][];
            _chunks.CopyTo(chunks);
            if (_inCurrent > 0)
            {
                chunks[^1] = _current;
            }

            return new ElementList(chunks, length);
        }

        private void Grow()
        {
            if (_inCurrent == ChunkSize)
            {
                _chunks.Add(_current);
                _current = [];
                _inCurrent = 0;
            }

            int size = _current.Length == 0 ? Math.Clamp(_expected - Count, 16, ChunkSize) : Math.Min(ChunkSize, _current.Length * 2);
            var larger = new Element[size];
            Array.Copy(_current, larger, _inCurrent);
            _current = larger;
        }
    }
}
