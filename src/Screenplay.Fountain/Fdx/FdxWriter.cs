using System.Text;
using System.Xml;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>Writes a document as a Final Draft 8+ script (<c>FinalDraft DocumentType="Script" Version="5"</c>).</summary>
internal static class FdxWriter
{
    public static string Write(Document document)
    {
        var output = new StringBuilder(document.Source.Length * 2 + 1024);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.None,
            OmitXmlDeclaration = true,
        };
        output.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>\n");
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("FinalDraft");
            xml.WriteAttributeString("DocumentType", "Script");
            xml.WriteAttributeString("Template", "No");
            xml.WriteAttributeString("Version", "5");

            xml.WriteStartElement("Content");
            var body = new Body(document.Elements.Length);
            WriteBody(xml, document.Elements, body);
            xml.WriteEndElement();

            FdxScriptNotes.Write(xml, FdxScriptNotes.Collect(document, body.Positions, body.Lengths, body.InsideDual, body.Position));
            FdxTitlePage.Write(xml, document.TitlePage);
            xml.WriteEndElement();
        }

        output.Append('\n');
        return output.ToString();
    }

    /// <summary>Where each element's paragraph starts in Final Draft's text positions (see <see cref="FdxScriptNotes"/>), and its length.</summary>
    private sealed class Body(int count)
    {
        public int[] Positions { get; } = new int[count];

        public int[] Lengths { get; } = new int[count];

        /// <summary>Elements of a dual-dialogue block after its first: nothing can stand between them in Final Draft.</summary>
        public bool[] InsideDual { get; } = new bool[count];

        public int Position { get; set; }
    }

    private static void WriteBody(XmlWriter xml, IReadOnlyList<Element> elements, Body body)
    {
        var newPage = false;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (element.Type == ElementType.PageBreak)
            {
                if (newPage)
                {
                    // Two breaks in a row: the first one starts an empty page of its own.
                    WriteEmptyParagraph(xml, newPage: true);
                    body.Position++;
                }

                body.Positions[i] = body.Position;
                newPage = true;
                continue;
            }

            if (element.Type == ElementType.Character && DualPartnerEnd(elements, i) is int end)
            {
                xml.WriteStartElement("Paragraph");
                WritePageStart(xml, newPage);
                xml.WriteStartElement("DualDialogue");
                for (var j = i; j < end; j++)
                {
                    body.Positions[j] = body.Position;
                    body.Lengths[j] = 2;
                    body.InsideDual[j] = j > i;
                    WriteParagraph(xml, elements[j], newPage: false);
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                body.Position += 3;
                newPage = false;
                i = end - 1;
                continue;
            }

            body.Positions[i] = body.Position;
            body.Lengths[i] = WriteParagraph(xml, element, newPage);
            body.Position += body.Lengths[i] + 1;
            newPage = false;
        }

        if (newPage)
        {
            WriteEmptyParagraph(xml, newPage: true);
            body.Position++;
        }
    }

    /// <summary>
    /// When the speech starting at <paramref name="start"/> is followed by a dual cue (<c>^</c>), the index just past
    /// the second speech; for a dual cue with no speech before it to pair with (a third speaker in a row), the index
    /// past its own speech, so it still travels as dual dialogue; otherwise null.
    /// </summary>
    private static int? DualPartnerEnd(IReadOnlyList<Element> elements, int start)
    {
        if (elements[start].Dual)
        {
            return SpeechEnd(elements, start);
        }

        var second = SpeechEnd(elements, start);
        if (second >= elements.Count || elements[second].Type != ElementType.Character || !elements[second].Dual)
        {
            return null;
        }

        return SpeechEnd(elements, second);
    }

    private static int SpeechEnd(IReadOnlyList<Element> elements, int cue)
    {
        var i = cue + 1;
        while (i < elements.Count && elements[i].Type is ElementType.Dialogue or ElementType.Parenthetical)
        {
            i++;
        }

        return i;
    }

    /// <summary>Writes the paragraph; returns the length of its text as written.</summary>
    private static int WriteParagraph(XmlWriter xml, Element element, bool newPage)
    {
        xml.WriteStartElement("Paragraph");
        if (element.Type == ElementType.Centered)
        {
            xml.WriteAttributeString("Alignment", "Center");
        }

        if (element.Type == ElementType.SceneHeading && !string.IsNullOrEmpty(element.SceneNumber))
        {
            xml.WriteAttributeString("Number", XmlText.Clean(element.SceneNumber));
        }

        WritePageStart(xml, newPage);
        xml.WriteAttributeString("Type", FdxParagraphTypes.ToFdx(element));
        var runs = element.Runs.IsDefaultOrEmpty ? [new TextRun(element.Text)] : element.Runs;
        var length = 0;
        foreach (var run in runs)
        {
            length += WriteText(xml, run);
        }

        xml.WriteEndElement();
        return length;
    }

    private static void WritePageStart(XmlWriter xml, bool newPage)
    {
        if (newPage)
        {
            xml.WriteAttributeString("StartsNewPage", "Yes");
        }
    }

    private static void WriteEmptyParagraph(XmlWriter xml, bool newPage)
    {
        xml.WriteStartElement("Paragraph");
        WritePageStart(xml, newPage);
        xml.WriteAttributeString("Type", FdxParagraphTypes.Action);
        WriteText(xml, new TextRun(""));
        xml.WriteEndElement();
    }

    /// <summary>Writes one run; returns the length of the text written.</summary>
    internal static int WriteText(XmlWriter xml, TextRun run)
    {
        xml.WriteStartElement("Text");
        var style = Style(run.Emphasis);
        if (style.Length > 0)
        {
            xml.WriteAttributeString("Style", style);
        }

        var text = XmlText.Clean(run.Text);
        xml.WriteString(text);
        xml.WriteFullEndElement();
        return text.Length;
    }

    private static string Style(Emphasis emphasis)
    {
        var parts = new List<string>(3);
        if ((emphasis & Emphasis.Bold) != 0)
        {
            parts.Add("Bold");
        }

        if ((emphasis & Emphasis.Italic) != 0)
        {
            parts.Add("Italic");
        }

        if ((emphasis & Emphasis.Underline) != 0)
        {
            parts.Add("Underline");
        }

        return string.Join('+', parts);
    }
}
