namespace Screenplay.Fountain.Text;

/// <summary>
/// An immutable text kept as pieces of other strings (a piece table), so that applying a change costs the number of
/// pieces, not the length of the text: a keystroke in a 150 KB script no longer copies 150 KB (a large-object-heap
/// string, whose collections marked the whole heap). The whole string is built only when someone asks for it
/// (<see cref="ToString"/>, cached), and at the latest after <see cref="MaxPieces"/> pieces, which bounds every lookup
/// and amortizes one full copy over many edits.
/// </summary>
internal sealed class PieceText : IEquatable<PieceText>
{
    /// <summary>Past this many pieces an edit flattens the text into one string.</summary>
    public const int MaxPieces = 256;

    private readonly string[] _strings;
    private readonly int[] _offsets; // where each piece starts in its string
    private readonly int[] _starts;  // where each piece starts in this text; one extra entry holds the length
    private string? _flat;

    private PieceText(string[] strings, int[] offsets, int[] starts)
    {
        _strings = strings;
        _offsets = offsets;
        _starts = starts;
        if (strings.Length == 1 && offsets[0] == 0 && strings[0].Length == starts[1])
        {
            _flat = strings[0];
        }
    }

    public static PieceText Of(string text) => new([text], [0], [0, text.Length]);

    public int Length => _starts[^1];

    public int PieceCount => _strings.Length;

    public char this[int index]
    {
        get
        {
            if (_flat is { } flat)
            {
                return flat[index];
            }

            var p = PieceAt(index);
            return _strings[p][_offsets[p] + index - _starts[p]];
        }
    }

    /// <summary>This text with <paramref name="change"/> applied; shares every unchanged character.</summary>
    public PieceText Apply(TextChange change)
    {
        var inserted = change.Inserted ?? string.Empty;
        var strings = new List<string>(_strings.Length + 3);
        var offsets = new List<int>(_strings.Length + 3);
        var lengths = new List<int>(_strings.Length + 3);

        void Add(string s, int offset, int length)
        {
            if (length > 0)
            {
                strings.Add(s);
                offsets.Add(offset);
                lengths.Add(length);
            }
        }

        var cutFrom = change.Offset;
        var cutTo = change.Offset + change.RemovedLength;
        var insertedAdded = false;
        for (var p = 0; p < _strings.Length; p++)
        {
            int start = _starts[p], end = _starts[p + 1];
            if (end <= cutFrom || start >= cutTo)
            {
                if (start >= cutTo && !insertedAdded)
                {
                    Add(inserted, 0, inserted.Length);
                    insertedAdded = true;
                }

                Add(_strings[p], _offsets[p], end - start);
                continue;
            }

            // The piece overlaps the removed range (or holds the insertion point): keep what lies outside it.
            Add(_strings[p], _offsets[p], Math.Max(0, cutFrom - start));
            if (!insertedAdded)
            {
                Add(inserted, 0, inserted.Length);
                insertedAdded = true;
            }

            if (end > cutTo)
            {
                Add(_strings[p], _offsets[p] + cutTo - start, end - cutTo);
            }
        }

        if (!insertedAdded)
        {
            Add(inserted, 0, inserted.Length);
        }

        if (strings.Count > MaxPieces)
        {
            return Of(change.ApplyTo(ToString()));
        }

        var starts = new int[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            starts[i + 1] = starts[i] + lengths[i];
        }

        return strings.Count == 0 ? Of(string.Empty) : new PieceText([.. strings], [.. offsets], starts);
    }

    /// <summary>The characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>): no copy when they lie in one piece.</summary>
    public ReadOnlySpan<char> Slice(int start, int length)
    {
        if (_flat is { } flat)
        {
            return flat.AsSpan(start, length);
        }

        if (length == 0)
        {
            return [];
        }

        var p = PieceAt(start);
        if (start + length <= _starts[p + 1])
        {
            return _strings[p].AsSpan(_offsets[p] + start - _starts[p], length);
        }

        var copy = new char[length];
        CopyTo(start, copy);
        return copy;
    }

    public string Substring(int start, int length) =>
        _flat is { } flat ? flat.Substring(start, length) : new string(Slice(start, length));

    /// <summary>How many times <paramref name="c"/> occurs in [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public int Count(char c, int start, int length)
    {
        if (_flat is { } flat)
        {
            return flat.AsSpan(start, length).Count(c);
        }

        var count = 0;
        for (var p = length <= 0 ? _strings.Length : PieceAt(start); p < _strings.Length && _starts[p] < start + length; p++)
        {
            count += PieceSpan(p, start, start + length).Count(c);
        }

        return count;
    }

    /// <summary>How many characters of [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) are not white space.</summary>
    public int CountNonWhiteSpace(int start, int length)
    {
        var count = 0;
        for (var p = length <= 0 ? _strings.Length : PieceAt(start); p < _strings.Length && _starts[p] < start + length; p++)
        {
            foreach (var c in PieceSpan(p, start, start + length))
            {
                if (!char.IsWhiteSpace(c))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The first <paramref name="c"/> at or after <paramref name="from"/>, or -1.</summary>
    public int IndexOf(char c, int from)
    {
        if (_flat is { } flat)
        {
            return flat.IndexOf(c, from);
        }

        for (var p = from >= Length ? _strings.Length : PieceAt(from); p < _strings.Length; p++)
        {
            var lo = Math.Max(from, _starts[p]);
            var i = PieceSpan(p, lo, Length).IndexOf(c);
            if (i >= 0)
            {
                return lo + i;
            }
        }

        return -1;
    }

    /// <summary>The last <paramref name="c"/> at or before <paramref name="from"/>, or -1.</summary>
    public int LastIndexOf(char c, int from)
    {
        if (_flat is { } flat)
        {
            return flat.LastIndexOf(c, from);
        }

        for (var p = PieceAt(from); p >= 0; p--)
        {
            var end = Math.Min(_starts[p + 1], from + 1);
            var span = _strings[p].AsSpan(_offsets[p], end - _starts[p]);
            var i = span.LastIndexOf(c);
            if (i >= 0)
            {
                return _starts[p] + i;
            }
        }

        return -1;
    }

    public override string ToString()
    {
        if (_flat is { } flat)
        {
            return flat;
        }

        // Benign race: two threads may both build the same string; either result is correct.
        var result = string.Create(Length, this, static (chars, text) => text.CopyTo(0, chars));
        _flat = result;
        return result;
    }

    public bool Equals(PieceText? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as PieceText);

    public override int GetHashCode() => string.GetHashCode(ToString(), StringComparison.Ordinal);

    private void CopyTo(int start, Span<char> destination)
    {
        var end = start + destination.Length;
        var written = 0;
        for (var p = destination.Length == 0 ? _strings.Length : PieceAt(start); p < _strings.Length && _starts[p] < end; p++)
        {
            var span = PieceSpan(p, start, end);
            span.CopyTo(destination[written..]);
            written += span.Length;
        }
    }

    /// <summary>The part of piece <paramref name="p"/> inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private ReadOnlySpan<char> PieceSpan(int p, int from, int to)
    {
        var lo = Math.Max(from, _starts[p]);
        var hi = Math.Min(to, _starts[p + 1]);
        return hi <= lo ? [] : _strings[p].AsSpan(_offsets[p] + lo - _starts[p], hi - lo);
    }

    /// <summary>The piece holding <paramref name="index"/> (the last piece for the text's end).</summary>
    private int PieceAt(int index)
    {
        var i = Array.BinarySearch(_starts, 0, _strings.Length, index);
        return i >= 0 ? i : ~i - 1;
    }
}
