using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Maps each character of an element's printed text back to its offset in the source. The printed text is the source
/// with markers, notes and escapes taken out, so a greedy forward match within the element's span finds each
/// printed character; one that cannot be found nearby (a tab printed as spaces) keeps the previous position.
/// The map is kept as the stretches where consecutive printed characters come from consecutive source characters
/// (most elements print their source unchanged: one stretch; emphasis markers or a note add one each), not as one
/// offset per character.
/// </summary>
internal readonly struct SourceMap
{
    // Bounded so that text the source does not contain costs at most this much per character (linear time);
    // long enough to step over an inline note or boneyard.
    private const int SearchWindow = 512;

    // Stretch k starts at printed index _starts[k] and source offset _sources[k]; null for a single stretch (_offset).
    private readonly int[]? _starts;
    private readonly int[]? _sources;
    private readonly int _offset;
    private readonly int _length;

    private SourceMap(int[]? starts, int[]? sources, int offset, int length)
    {
        _starts = starts;
        _sources = sources;
        _offset = offset;
        _length = length;
    }

    /// <summary>The source offset of printed character <paramref name="index"/>; past the end: just after the last one.</summary>
    public int this[int index]
    {
        get
        {
            index = Math.Min(index, _length);
            if (_starts is null)
            {
                return _offset + index;
            }

            var k = Array.BinarySearch(_starts, index);
            if (k < 0)
            {
                k = ~k - 1;
            }

            return _sources![k] + index - _starts[k];
        }
    }

    /// <summary>The source range [start, end) a printed slice comes from (empty at the slice's start when it is empty).</summary>
    public (int Start, int Length) RangeOf(Slice slice)
    {
        var start = this[slice.Start];
        var end = slice.End > slice.Start ? this[slice.End - 1] + 1 : start;
        return (start, Math.Max(0, end - start));
    }

    public static SourceMap Build(string source, SourceSpan span, string plain)
    {
        var spanStart = Math.Clamp(span.Start, 0, source.Length);
        var spanEnd = Math.Clamp(span.End, spanStart, source.Length);
        if (plain.Length == 0)
        {
            return new SourceMap(null, null, spanStart, 0);
        }

        // Where the greedy match puts the first character; when the rest follows it verbatim, so does every match.
        var first = FindFrom(source, spanStart, Math.Min(spanEnd, spanStart + SearchWindow), plain[0]);
        if (first >= 0 && first + plain.Length <= spanEnd && source.AsSpan(first, plain.Length).SequenceEqual(plain))
        {
            return new SourceMap(null, null, first, plain.Length);
        }

        var map = System.Buffers.ArrayPool<int>.Shared.Rent(plain.Length + 1);
        var p = spanStart;
        for (var i = 0; i < plain.Length; i++)
        {
            var found = FindFrom(source, p, Math.Min(spanEnd, p + SearchWindow), plain[i]);
            if (found >= 0)
            {
                map[i] = found;
                p = found + 1;
            }
            else
            {
                map[i] = Math.Min(p, spanEnd);
            }
        }

        map[plain.Length] = Math.Max(map[plain.Length - 1] + 1, Math.Min(p, spanEnd));
        var stretches = 1;
        for (var i = 1; i <= plain.Length; i++)
        {
            if (map[i] != map[i - 1] + 1)
            {
                stretches++;
            }
        }

        var starts = new int[stretches];
        var sources = new int[stretches];
        sources[0] = map[0];
        for (int i = 1, k = 1; i <= plain.Length; i++)
        {
            if (map[i] != map[i - 1] + 1)
            {
                starts[k] = i;
                sources[k++] = map[i];
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(map);
        return new SourceMap(starts, sources, 0, plain.Length);
    }

    private static int FindFrom(string source, int from, int limit, char c)
    {
        for (var q = from; q < limit; q++)
        {
            var s = source[q];
            if (s == c || (c == ' ' && s == '\t'))
            {
                return q;
            }
        }

        return -1;
    }
}
