using System.Text.Json;

namespace Screenplay.Fountain.Text;

/// <summary>
/// The shape of a change to a document without the inserted text: which ranges of the old document are kept and
/// which are replaced by how much new text. A port of CodeMirror's <c>ChangeDesc</c> (positions are UTF-16 code
/// units, as in JavaScript strings), used to map positions and to rebase changes without carrying their text.
/// </summary>
public class ChangeDesc
{
    // Pairs of (length in the old document, -1 for kept text or the length of the replacement). The array is never
    // mutated after construction, so descriptions can be shared freely.
    private readonly int[] sections;

    private protected ChangeDesc(int[] sections)
    {
        this.sections = sections;
        int length = 0, newLength = 0;
        for (int i = 0; i < sections.Length; i += 2)
        {
            length = checked(length + sections[i]);
            int ins = sections[i + 1];
            newLength = checked(newLength + (ins < 0 ? sections[i] : ins));
        }
        Length = length;
        NewLength = newLength;
    }

    internal static ChangeDesc Create(int[] sections) => new(sections);

    internal int[] SectionArray => sections;

    /// <summary>The length of the document before the change.</summary>
    public int Length { get; }

    /// <summary>The length of the document after the change.</summary>
    public int NewLength { get; }

    /// <summary>True when the change leaves the document as it is.</summary>
    public bool Empty => IsEmpty;

    /// <summary>
    /// Same as <see cref="Empty"/>; usable on a <see cref="ChangeSet"/>, where <c>ChangeSet.Empty(length)</c> hides the property.
    /// </summary>
    public bool IsEmpty => sections.Length == 0 || (sections.Length == 2 && sections[1] < 0);

    /// <summary>The description of the change that undoes this one.</summary>
    public ChangeDesc InvertedDesc
    {
        get
        {
            var inverted = new int[sections.Length];
            for (int i = 0; i < sections.Length; i += 2)
            {
                int len = sections[i], ins = sections[i + 1];
                if (ins < 0)
                {
                    inverted[i] = len;
                    inverted[i + 1] = ins;
                }
                else
                {
                    inverted[i] = ins;
                    inverted[i + 1] = len;
                }
            }
            return new ChangeDesc(inverted);
        }
    }

    /// <summary>
    /// Calls <paramref name="gap"/> (posA, posB, length) for each unchanged range: its start in the old document,
    /// its start in the new document and its length.
    /// </summary>
    public void IterGaps(Action<int, int, int> gap)
    {
        for (int i = 0, posA = 0, posB = 0; i < sections.Length;)
        {
            int len = sections[i++], ins = sections[i++];
            if (ins < 0)
            {
                gap(posA, posB, len);
                posB += len;
            }
            else
            {
                posB += ins;
            }
            posA += len;
        }
    }

    /// <summary>
    /// Calls <paramref name="range"/> (fromA, toA, fromB, toB) for each changed range, in the old and the new
    /// document. Adjacent changes are reported as one unless <paramref name="individual"/> is true.
    /// </summary>
    public void IterChangedRanges(Action<int, int, int, int> range, bool individual = false) =>
        IterChangesCore((fromA, toA, fromB, toB, _) => range(fromA, toA, fromB, toB), individual);

    private protected void IterChangesCore(Action<int, int, int, int, string> change, bool individual)
    {
        string[]? inserted = (this as ChangeSet)?.InsertedArray;
        for (int posA = 0, posB = 0, i = 0; i < sections.Length;)
        {
            int len = sections[i++], ins = sections[i++];
            if (ins < 0)
            {
                posA += len;
                posB += len;
                continue;
            }
            int endA = posA, endB = posB;
            string text = "";
            for (;;)
            {
                endA += len;
                endB += ins;
                int index = (i - 2) >> 1;
                if (ins != 0 && inserted is not null && index < inserted.Length) text += inserted[index];
                if (individual || i == sections.Length || sections[i + 1] < 0) break;
                len = sections[i++];
                ins = sections[i++];
            }
            change(posA, endA, posB, endB, text);
            posA = endA;
            posB = endB;
        }
    }

    /// <summary>The combined effect of this change followed by <paramref name="other"/>, which must start where this one ends.</summary>
    public ChangeDesc ComposeDesc(ChangeDesc other) =>
        IsEmpty ? other : other.IsEmpty ? this : ChangeAlgebra.Compose(this, other, makeSet: false);

    /// <summary>
    /// This description moved over <paramref name="other"/> (both start in the same document), so that it applies
    /// after it. With <paramref name="before"/> true, insertions at the same position go before <paramref name="other"/>'s.
    /// </summary>
    public virtual ChangeDesc MapDesc(ChangeDesc other, bool before = false) =>
        other.IsEmpty ? this : ChangeAlgebra.Map(this, other, before, makeSet: false);

    /// <summary>
    /// Maps a position in the old document to the new one. With negative <paramref name="assoc"/> the position sticks
    /// to the character before it (stays before text inserted at it); with zero or positive, to the character after.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the old document.</exception>
    public int MapPos(int pos, int assoc = -1) => MapPos(pos, assoc, MapMode.Simple)!.Value;

    /// <summary>Like <see cref="MapPos(int, int)"/>, but returns null when <paramref name="mode"/> says the position's context was deleted.</summary>
    public int? MapPos(int pos, int assoc, MapMode mode)
    {
        if (pos < 0) throw new ArgumentOutOfRangeException(nameof(pos), pos, "Position must not be negative.");
        int posA = 0, posB = 0;
        for (int i = 0; i < sections.Length;)
        {
            int len = sections[i++], ins = sections[i++], endA = posA + len;
            if (ins < 0)
            {
                if (endA > pos) return posB + (pos - posA);
                posB += len;
            }
            else
            {
                if (mode != MapMode.Simple && endA >= pos &&
                    ((mode == MapMode.TrackDel && posA < pos && endA > pos) ||
                     (mode == MapMode.TrackBefore && posA < pos) ||
                     (mode == MapMode.TrackAfter && endA > pos)))
                {
                    return null;
                }
                if (endA > pos || (endA == pos && assoc < 0 && len == 0))
                    return pos == posA || assoc < 0 ? posB : posB + ins;
                posB += ins;
            }
            posA = endA;
        }
        if (pos > posA)
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"Position {pos} is out of range for a change of length {posA}.");
        return posB;
    }

    /// <summary>True when a change touches the range <paramref name="from"/>..<paramref name="to"/> (ends included).</summary>
    public bool TouchesRange(int from, int to) => Touch(from, to) != RangeTouch.None;

    /// <summary>True when a single change covers the whole range <paramref name="from"/>..<paramref name="to"/> and more on both sides.</summary>
    public bool CoversRange(int from, int to) => Touch(from, to) == RangeTouch.Cover;

    private RangeTouch Touch(int from, int to)
    {
        for (int i = 0, pos = 0; i < sections.Length && pos <= to;)
        {
            int len = sections[i++], ins = sections[i++], end = pos + len;
            if (ins >= 0 && pos <= to && end >= from) return pos < from && end > to ? RangeTouch.Cover : RangeTouch.Touch;
            pos = end;
        }
        return RangeTouch.None;
    }

    private enum RangeTouch { None, Touch, Cover }

    /// <summary>The JSON of CodeMirror's <c>ChangeDesc.toJSON()</c>: the flat section list.</summary>
    public string ToDescJson() => JsonSerializer.Serialize(sections);

    /// <summary>Reads the JSON of CodeMirror's <c>ChangeDesc.toJSON()</c>.</summary>
    /// <exception cref="FormatException">The JSON is not an even-length array of integers.</exception>
    public static ChangeDesc FromDescJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() % 2 != 0)
                throw new FormatException("Invalid JSON representation of ChangeDesc: expected an even-length array.");
            var sections = new int[root.GetArrayLength()];
            int n = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out int value) || value < (n % 2 == 0 ? 0 : -1))
                    throw new FormatException("Invalid JSON representation of ChangeDesc: expected section lengths.");
                sections[n++] = value;
            }
            return new ChangeDesc(sections);
        }
        catch (JsonException e)
        {
            throw new FormatException("Invalid JSON representation of ChangeDesc: " + e.Message, e);
        }
    }

    /// <summary>CodeMirror's compact form, e.g. <c>5 0:2 3</c>: kept lengths, and old:new lengths of replacements.</summary>
    public override string ToString()
    {
        var result = new System.Text.StringBuilder();
        for (int i = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            if (result.Length > 0) result.Append(' ');
            result.Append(len);
            if (ins >= 0) result.Append(':').Append(ins);
        }
        return result.ToString();
    }
}
