namespace Screenplay.Fountain.Text;

/// <summary>
/// A mutable document text that makes nearby edits cheap: a gap buffer, so typing moves only the characters between
/// the previous edit and the next one instead of copying the whole document per keystroke. The collaboration
/// server keeps each open script in one of these.
/// </summary>
public sealed class TextBuffer
{
    private char[] buffer;
    private int gapStart;
    private int gapEnd;

    public TextBuffer(string text = "", int extraCapacity = 64)
    {
        ArgumentNullException.ThrowIfNull(text);
        buffer = new char[text.Length + Math.Max(extraCapacity, 16)];
        text.CopyTo(0, buffer, 0, text.Length);
        gapStart = text.Length;
        gapEnd = buffer.Length;
    }

    /// <summary>The text's length in UTF-16 units.</summary>
    public int Length => buffer.Length - (gapEnd - gapStart);

    /// <summary>Replaces <paramref name="from"/>..<paramref name="to"/> with <paramref name="insert"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not fit the text.</exception>
    public void Replace(int from, int to, string insert)
    {
        if (from < 0 || to < from || to > Length)
            throw new ArgumentOutOfRangeException(nameof(from), $"Range {from}..{to} does not fit a text of length {Length}.");
        MoveGap(from);
        gapEnd += to - from;
        if (gapEnd - gapStart < insert.Length) Grow(insert.Length);
        insert.CopyTo(0, buffer, gapStart, insert.Length);
        gapStart += insert.Length;
    }

    /// <summary>The text from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public string Slice(int from, int to)
    {
        if (from < 0 || to < from || to > Length)
            throw new ArgumentOutOfRangeException(nameof(from), $"Range {from}..{to} does not fit a text of length {Length}.");
        if (to <= gapStart) return new string(buffer, from, to - from);
        int gap = gapEnd - gapStart;
        if (from >= gapStart) return new string(buffer, from + gap, to - from);
        return string.Concat(buffer.AsSpan(from, gapStart - from), buffer.AsSpan(gapEnd, to - gapStart));
    }

    public override string ToString() => Slice(0, Length);

    private void MoveGap(int pos)
    {
        if (pos < gapStart)
        {
            int count = gapStart - pos;
            Array.Copy(buffer, pos, buffer, gapEnd - count, count);
            gapStart -= count;
            gapEnd -= count;
        }
        else if (pos > gapStart)
        {
            int count = pos - gapStart;
            Array.Copy(buffer, gapEnd, buffer, gapStart, count);
            gapStart += count;
            gapEnd += count;
        }
    }

    private void Grow(int needed)
    {
        int length = Length;
        int capacity = Math.Max(buffer.Length * 2, length + needed + 64);
        var grown = new char[capacity];
        Array.Copy(buffer, 0, grown, 0, gapStart);
        int tail = buffer.Length - gapEnd;
        Array.Copy(buffer, gapEnd, grown, capacity - tail, tail);
        gapEnd = capacity - tail;
        buffer = grown;
    }
}
