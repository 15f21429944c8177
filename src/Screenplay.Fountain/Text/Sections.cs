namespace Screenplay.Fountain.Text;

/// <summary>
/// Building blocks shared by <see cref="ChangeDesc"/> and <see cref="ChangeSet"/>: a change is a flat list of
/// (length in the old document, inserted length or -1 for "kept") pairs, exactly as in CodeMirror.
/// </summary>
internal static class Sections
{
    /// <summary>Appends a section, merging it into the previous one where CodeMirror does, so results are canonical.</summary>
    public static void Add(List<int> sections, int len, int ins, bool forceJoin = false)
    {
        if (len == 0 && ins <= 0) return;
        int last = sections.Count - 2;
        if (last >= 0 && ins <= 0 && ins == sections[last + 1]) sections[last] += len;
        else if (last >= 0 && len == 0 && sections[last] == 0) sections[last + 1] += ins;
        else if (forceJoin)
        {
            sections[last] += len;
            sections[last + 1] += ins;
        }
        else
        {
            sections.Add(len);
            sections.Add(ins);
        }
    }

    /// <summary>Records inserted text for the last section (joining it to text already recorded for that section).</summary>
    public static void AddInsert(List<string> values, List<int> sections, string value)
    {
        if (value.Length == 0) return;
        int index = (sections.Count - 2) >> 1;
        if (index < values.Count)
        {
            values[^1] = values[^1] + value;
        }
        else
        {
            while (values.Count < index) values.Add("");
            values.Add(value);
        }
    }
}

/// <summary>A cursor over the sections of a change, able to consume a section piece by piece.</summary>
internal struct SectionIter
{
    private readonly int[] sections;
    private readonly string[]? inserted;
    public int I;
    public int Len;
    public int Off;
    public int Ins;

    public SectionIter(ChangeDesc set)
    {
        sections = set.SectionArray;
        inserted = (set as ChangeSet)?.InsertedArray;
        I = 0;
        Len = 0;
        Off = 0;
        Ins = 0;
        Next();
    }

    public void Next()
    {
        if (I < sections.Length)
        {
            Len = sections[I++];
            Ins = sections[I++];
        }
        else
        {
            Len = 0;
            Ins = -2;
        }
        Off = 0;
    }

    public readonly bool Done => Ins == -2;

    public readonly int Len2 => Ins < 0 ? Len : Ins;

    public readonly string Text
    {
        get
        {
            int index = (I - 2) >> 1;
            return inserted is null || index >= inserted.Length ? "" : inserted[index];
        }
    }

    public readonly string TextBit(int len)
    {
        int index = (I - 2) >> 1;
        if (inserted is null || index >= inserted.Length) return "";
        string text = inserted[index];
        return text.Substring(Off, Math.Min(len, text.Length - Off));
    }

    public void Forward(int len)
    {
        if (len == Len) Next();
        else
        {
            Len -= len;
            Off += len;
        }
    }

    public void Forward2(int len)
    {
        if (Ins == -1) Forward(len);
        else if (len == Ins) Next();
        else
        {
            Ins -= len;
            Off += len;
        }
    }
}
