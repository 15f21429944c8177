using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Writing;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Fountain's notes and boneyard as Final Draft ScriptNotes: the top-level <c>&lt;ScriptNotes&gt;</c> container Final
/// Draft keeps beside the script, each <c>&lt;ScriptNote Range="start,end"&gt;</c> pointing into the script's text
/// (every paragraph counts its characters plus one for its break; a dual-dialogue block counts two) with its body as
/// paragraphs. Boneyard has no Final Draft construct (nothing in a script is hidden text), so it travels as a
/// ScriptNote titled <see cref="BoneyardTitle"/> holding the cut text verbatim: Final Draft shows and keeps it as a
/// note, and reading the file back turns it into <c>/* */</c> again where it stood.
/// </summary>
internal static class FdxScriptNotes
{
    public const string BoneyardTitle = "Fountain boneyard";

    /// <summary>A note or boneyard to write: its text, and the range in Final Draft's text it stands at or is about.</summary>
    public readonly record struct Aside(string Text, bool Boneyard, int RangeStart, int RangeEnd);

    /// <summary>
    /// The notes and boneyard of <paramref name="document"/> in source order, placed with the FDX text positions of the
    /// elements' paragraphs: a note inside an element is about that element's paragraph; one between elements stands
    /// (zero length) at the start of the next element's paragraph (before a page break: on the break before it), or at
    /// the end of the script. One inside a dual-dialogue block is about the whole block.
    /// </summary>
    public static List<Aside> Collect(Document document, int[] elementPositions, int[] elementLengths, bool[] insideDual, int scriptEnd)
    {
        var asides = new List<(int SourceStart, Aside Aside)>();
        var pieces = document.Notes.Select(n => (n.Span.Start, End: n.Span.Start + n.Span.Length, n.Text, Boneyard: false));
        if (document.Masks is { } masks)
        {
            pieces = pieces.Concat(masks.Masks.Where(m => m.Kind == MaskKind.Boneyard).Select(m =>
                (m.Start, m.End, Text: document.Source.Substring(m.Start + 2, m.End - m.Start - 4).Replace("\r", string.Empty, StringComparison.Ordinal), Boneyard: true)));
        }

        foreach (var (start, text, boneyard) in Joined(pieces.OrderBy(p => p.Start)))
        {
            asides.Add((start, Place(text, boneyard, start, document.Elements, elementPositions, elementLengths, insideDual, scriptEnd)));
        }

        return [.. asides.OrderBy(a => a.SourceStart).Select(a => a.Aside)];
    }

    /// <summary>Comments the Fountain writer cut at a closer (touching, see <see cref="AsideMarkup.Joins"/>) as the one text they were.</summary>
    private static IEnumerable<(int Start, string Text, bool Boneyard)> Joined(IEnumerable<(int Start, int End, string Text, bool Boneyard)> pieces)
    {
        (int Start, int End, string Text, bool Boneyard)? current = null;
        foreach (var piece in pieces)
        {
            if (current is { } c && c.End == piece.Start && c.Boneyard == piece.Boneyard && AsideMarkup.Joins(c.Text, piece.Text, c.Boneyard))
            {
                current = (c.Start, piece.End, c.Text + piece.Text, c.Boneyard);
                continue;
            }

            if (current is { } done)
            {
                yield return (done.Start, done.Text, done.Boneyard);
            }

            current = piece;
        }

        if (current is { } last)
        {
            yield return (last.Start, last.Text, last.Boneyard);
        }
    }

    private static Aside Place(string text, bool boneyard, int sourceStart, IReadOnlyList<Element> elements, int[] positions, int[] lengths, bool[] insideDual, int scriptEnd)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var span = elements[i].Span;
            if (span.Start > sourceStart && insideDual[i])
            {
                // Between the two speeches of a dual-dialogue block: about the block, so it comes back after it.
                return new Aside(text, boneyard, positions[i], positions[i] + lengths[i]);
            }

            if (span.Start > sourceStart)
            {
                // Before a page break: on the previous paragraph's break, so that it comes back before the page break.
                var at = elements[i].Type == ElementType.PageBreak ? Math.Max(0, positions[i] - 1) : positions[i];
                return new Aside(text, boneyard, at, at);
            }

            if (span.Contains(sourceStart) && elements[i].Type != ElementType.PageBreak)
            {
                return new Aside(text, boneyard, positions[i], positions[i] + Math.Max(1, lengths[i]));
            }
        }

        return new Aside(text, boneyard, scriptEnd, scriptEnd);
    }

    public static void Write(XmlWriter xml, IReadOnlyList<Aside> asides)
    {
        if (asides.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("ScriptNotes");
        for (var i = 0; i < asides.Count; i++)
        {
            var aside = asides[i];
            xml.WriteStartElement("ScriptNote");
            xml.WriteAttributeString("ID", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("Range", string.Create(CultureInfo.InvariantCulture, $"{aside.RangeStart},{aside.RangeEnd}"));
            if (aside.Boneyard)
            {
                xml.WriteAttributeString("Name", BoneyardTitle);
            }

            foreach (var line in aside.Text.Split('\n'))
            {
                // A note's blank line is written to Fountain as two spaces (a blank line would end it): empty again here.
                xml.WriteStartElement("Paragraph");
                FdxWriter.WriteText(xml, new TextRun(!aside.Boneyard && string.IsNullOrWhiteSpace(line) ? "" : line));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// The ScriptNotes of a file as notes and boneyard with a sort key comparable to <see cref="ElementKey"/>: one that
    /// stands at a position (zero length) sorts before the element starting there, one about a paragraph right after it.
    /// A Range that is missing or unreadable puts the note at the end.
    /// </summary>
    public static List<(int Key, string Text, bool Boneyard)> Read(XElement root)
    {
        var result = new List<(int, string, bool)>();
        foreach (var note in root.Elements("ScriptNotes").Elements("ScriptNote"))
        {
            // Note text is plain in Fountain (no emphasis inside [[ ]] or /* */), so the runs are taken as written.
            var text = string.Join('\n', note.Elements("Paragraph").Select(p => FdxReader.RawText(p).Replace("\r", string.Empty, StringComparison.Ordinal)));
            var boneyard = string.Equals((string?)note.Attribute("Name"), BoneyardTitle, StringComparison.Ordinal);
            if (!boneyard)
            {
                text = text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
            }

            var key = int.MaxValue;
            var range = ((string?)note.Attribute("Range"))?.Split(',');
            if (range is [var s, var e]
                && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(e, NumberStyles.Integer, CultureInfo.InvariantCulture, out var end)
                && start is >= 0 and < int.MaxValue / 4)
            {
                // Zero length at 0 stands before everything, a page break opening the script included.
                key = start == 0 && end == 0 ? int.MinValue : 2 * start + (end > start ? 1 : 0);
            }

            result.Add((key, text, boneyard));
        }

        return result;
    }

    /// <summary>The sort key of an element whose paragraph starts at <paramref name="position"/> of the FDX text.</summary>
    public static int ElementKey(int position) => 2 * position + 1;
}
