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
            WriteBody(xml, document.Elements);
            xml.WriteEndElement();

            FdxTitlePage.Write(xml, document.TitlePage);
            xml.WriteEndElement();
        }

        output.Append('\n');
        return output.ToString();
    }

    private static void WriteBody(XmlWriter xml, IReadOnlyList<Element> elements)
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
                }

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
                    WriteParagraph(xml, elements[j], newPage: false);
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
                newPage = false;
                i = end - 1;
                continue;
            }

            WriteParagraph(xml, element, newPage);
            newPage = false;
        }

        if (newPage)
        {
            WriteEmptyParagraph(xml, newPage: true);
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

    private static void WriteParagraph(XmlWriter xml, Element element, bool newPage)
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
        foreach (var run in runs)
        {
            WriteText(xml, run);
        }

        xml.WriteEndElement();
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

    internal static void WriteText(XmlWriter xml, TextRun run)
    {
        xml.WriteStartElement("Text");
        var style = Style(run.Emphasis);
        if (style.Length > 0)
        {
            xml.WriteAttributeString("Style", style);
        }

        xml.WriteString(XmlText.Clean(run.Text));
        xml.WriteFullEndElement();
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
