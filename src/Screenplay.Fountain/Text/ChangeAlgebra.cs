namespace Screenplay.Fountain.Text;

/// <summary>
/// Mapping and composition of changes, walking both section lists in parallel. These follow CodeMirror's
/// <c>mapSet</c> and <c>composeSets</c> step for step, because clients and server must agree to the character
/// on how concurrent edits are ordered; the fixture tests generated from the JavaScript library check that.
/// </summary>
internal static class ChangeAlgebra
{
    /// <summary>A copy of <paramref name="setA"/> that applies after <paramref name="setB"/> (both start in the same document).</summary>
    public static ChangeDesc Map(ChangeDesc setA, ChangeDesc setB, bool before, bool makeSet)
    {
        var sections = new List<int>();
        List<string>? insert = makeSet ? new List<string>() : null;
        var a = new SectionIter(setA);
        var b = new SectionIter(setB);
        // For a change in A consumed piece by piece: the section index whose text has already been inserted.
        for (int inserted = -1;;)
        {
            if ((a.Done && b.Len != 0) || (b.Done && a.Len != 0))
            {
                throw new ArgumentException("Mismatched change set lengths.");
            }
            else if (a.Ins == -1 && b.Ins == -1)
            {
                // Text kept by both.
                int len = Math.Min(a.Len, b.Len);
                Sections.Add(sections, len, -1);
                a.Forward(len);
                b.Forward(len);
            }
            else if (b.Ins >= 0 && (a.Ins < 0 || inserted == a.I || (a.Off == 0 && (b.Len < a.Len || (b.Len == a.Len && !before)))))
            {
                // A change in B comes first (by start, then length, then the before flag): skip over it, keeping
                // the insertions of A it covers.
                int len = b.Len;
                Sections.Add(sections, b.Ins, -1);
                while (len != 0)
                {
                    int piece = Math.Min(a.Len, len);
                    if (a.Ins >= 0 && inserted < a.I && a.Len <= piece)
                    {
                        Sections.Add(sections, 0, a.Ins);
                        if (insert is not null) Sections.AddInsert(insert, sections, a.Text);
                        inserted = a.I;
                    }
                    a.Forward(piece);
                    len -= piece;
                }
                b.Next();
            }
            else if (a.Ins >= 0)
            {
                // The part of A's change up to the next non-deletion change in B.
                int len = 0, left = a.Len;
                while (left != 0)
                {
                    if (b.Ins == -1)
                    {
                        int piece = Math.Min(left, b.Len);
                        len += piece;
                        left -= piece;
                        b.Forward(piece);
                    }
                    else if (b.Ins == 0 && b.Len < left)
                    {
                        left -= b.Len;
                        b.Next();
                    }
                    else
                    {
                        break;
                    }
                }
                Sections.Add(sections, len, inserted < a.I ? a.Ins : 0);
                if (insert is not null && inserted < a.I) Sections.AddInsert(insert, sections, a.Text);
                inserted = a.I;
                a.Forward(a.Len - left);
            }
            else if (a.Done && b.Done)
            {
                return insert is not null ? ChangeSet.CreateSet(sections.ToArray(), insert.ToArray()) : ChangeDesc.Create(sections.ToArray());
            }
            else
            {
                throw new ArgumentException("Mismatched change set lengths.");
            }
        }
    }

    /// <summary><paramref name="setA"/> followed by <paramref name="setB"/> as one change.</summary>
    public static ChangeDesc Compose(ChangeDesc setA, ChangeDesc setB, bool makeSet)
    {
        var sections = new List<int>();
        List<string>? insert = makeSet ? new List<string>() : null;
        var a = new SectionIter(setA);
        var b = new SectionIter(setB);
        for (bool open = false;;)
        {
            if (a.Done && b.Done)
            {
                return insert is not null ? ChangeSet.CreateSet(sections.ToArray(), insert.ToArray()) : ChangeDesc.Create(sections.ToArray());
            }
            else if (a.Ins == 0)
            {
                // Deletion in A: B never sees that text.
                Sections.Add(sections, a.Len, 0, open);
                a.Next();
            }
            else if (b.Len == 0 && !b.Done)
            {
                // Insertion in B.
                Sections.Add(sections, 0, b.Ins, open);
                if (insert is not null) Sections.AddInsert(insert, sections, b.Text);
                b.Next();
            }
            else if (a.Done || b.Done)
            {
                throw new ArgumentException("Mismatched change set lengths.");
            }
            else
            {
                int len = Math.Min(a.Len2, b.Len), sectionLen = sections.Count;
                if (a.Ins == -1)
                {
                    int insB = b.Ins == -1 ? -1 : b.Off != 0 ? 0 : b.Ins;
                    Sections.Add(sections, len, insB, open);
                    if (insert is not null && insB != 0) Sections.AddInsert(insert, sections, b.Text);
                }
                else if (b.Ins == -1)
                {
                    Sections.Add(sections, a.Off != 0 ? 0 : a.Len, len, open);
                    if (insert is not null) Sections.AddInsert(insert, sections, a.TextBit(len));
                }
                else
                {
                    Sections.Add(sections, a.Off != 0 ? 0 : a.Len, b.Off != 0 ? 0 : b.Ins, open);
                    if (insert is not null && b.Off == 0) Sections.AddInsert(insert, sections, b.Text);
                }
                open = (a.Ins > len || (b.Ins >= 0 && b.Len > len)) && (open || sections.Count > sectionLen);
                a.Forward2(len);
                b.Forward(len);
            }
        }
    }
}
