using System.Xml;
using System.Xml.Linq;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Reads a Final Draft script into title page entries and elements whose text is Fountain (emphasis as markers).
/// Types Final Draft shows in capitals (its <c>ElementSettings</c> with <c>AllCaps</c>) are upper-cased, as printed.
/// </summary>
internal static class FdxReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static Document Read(TextReader input) => Read(() => XmlReader.Create(input, Settings));

    /// <summary>From bytes, so that the XML declaration's encoding is honoured.</summary>
    public static Document Read(Stream input) => Read(() => XmlReader.Create(input, Settings));

    private static Document Read(Func<XmlReader> open)
    {
        XDocument xml;
        try
        {
            using var reader = open();
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new FdxFormatException("Not a valid FDX file: malformed XML: " + e.Message.ReplaceLineEndings(" "), e);
        }

        var root = xml.Root;
        if (root is null || root.Name.LocalName != "FinalDraft")
        {
            throw new FdxFormatException($"Not a Final Draft file: the root element is <{root?.Name.LocalName}>, expected <FinalDraft>.");
        }

        var content = root.Element("Content")
            ?? throw new FdxFormatException("Not a Final Draft script: the file has no <Content> element.");

        var allCaps = AllCapsTypes(root);
        var elements = new List<Element>();
        foreach (var paragraph in content.Elements("Paragraph"))
        {
            ReadParagraph(paragraph, elements, allCaps, inDual: false);
        }

        var titlePage = root.Element("TitlePage") is { } page ? FdxTitlePage.Read(page, ParagraphText) : [];
        return new Document("", [.. titlePage], [.. elements], [], []);
    }

    private static void ReadParagraph(XElement paragraph, List<Element> elements, HashSet<string> allCaps, bool inDual)
    {
        if (IsYes(paragraph.Attribute("StartsNewPage")))
        {
            elements.Add(new Element(ElementType.PageBreak, "", default));
        }

        if (paragraph.Element("DualDialogue") is { } dual)
        {
            var cues = new List<int>();
            foreach (var inner in dual.Elements("Paragraph"))
            {
                var before = elements.Count;
                ReadParagraph(inner, elements, allCaps, inDual: true);
                if (elements.Count > before && elements[before].Type == ElementType.Character)
                {
                    cues.Add(before);
                }
            }

            // The second speaker of the pair is the one Fountain marks with ^; a group of one is a lone ^ cue.
            var marked = cues.Count == 1 ? cues[0] : cues.Count > 1 ? cues[1] : -1;
            if (marked >= 0)
            {
                elements[marked] = elements[marked] with { Dual = true };
            }

            return;
        }

        var typeName = (string?)paragraph.Attribute("Type");
        var centered = string.Equals((string?)paragraph.Attribute("Alignment"), "Center", StringComparison.OrdinalIgnoreCase);
        var (type, level) = FdxParagraphTypes.FromFdx(typeName, centered);
        var text = Tidy(ParagraphText(paragraph), type);
        if (typeName is not null && allCaps.Contains(typeName))
        {
            text = text.ToUpperInvariant();
        }

        if (text.Length > 0)
        {
            var element = new Element(type, text, default) { Level = level };
            if (type == ElementType.SceneHeading)
            {
                var number = ((string?)paragraph.Attribute("Number"))?.Trim();
                element = element with { SceneNumber = string.IsNullOrEmpty(number) ? null : number };
            }

            elements.Add(element);
        }

        if (type == ElementType.SceneHeading && !inDual)
        {
            AddSceneSummary(paragraph, elements);
        }
    }

    /// <summary>A scene's summary (Final Draft's scene properties) is Fountain's synopsis under the heading.</summary>
    private static void AddSceneSummary(XElement heading, List<Element> elements)
    {
        var summary = heading.Element("SceneProperties")?.Element("Summary");
        if (summary is null)
        {
            return;
        }

        foreach (var paragraph in summary.Elements("Paragraph"))
        {
            var text = Tidy(ParagraphText(paragraph), ElementType.Synopsis).Replace('\n', ' ');
            if (text.Length > 0)
            {
                elements.Add(new Element(ElementType.Synopsis, text, default));
            }
        }
    }

    /// <summary>The paragraph's own text runs (not those of nested scene properties) as Fountain text.</summary>
    internal static string ParagraphText(XElement paragraph)
    {
        var runs = paragraph.Elements("Text").Select(t => new TextRun(
            t.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'),
            Emphasis(((string?)t.Attribute("Style")) ?? "")));
        return EmphasisMarkup.ToFountain(runs);
    }

    /// <summary>Trailing spaces go from every line; leading ones stay only in action, where Fountain keeps indentation.</summary>
    private static string Tidy(string text, ElementType type)
    {
        var lines = text.Split('\n').Select(l => type == ElementType.Action ? l.TrimEnd() : l.Trim());
        return string.Join('\n', lines).Trim('\n');
    }

    private static Emphasis Emphasis(string style)
    {
        var emphasis = Syntax.Emphasis.None;
        foreach (var part in style.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            emphasis |= part switch
            {
                "Bold" => Syntax.Emphasis.Bold,
                "Italic" => Syntax.Emphasis.Italic,
                "Underline" => Syntax.Emphasis.Underline,
                _ => Syntax.Emphasis.None,
            };
        }

        return emphasis;
    }

    private static HashSet<string> AllCapsTypes(XElement root) =>
        root.Elements("ElementSettings")
            .Where(s => (((string?)s.Element("FontSpec")?.Attribute("Style")) ?? "").Split('+').Contains("AllCaps"))
            .Select(s => (string?)s.Attribute("Type"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsYes(XAttribute? attribute) =>
        string.Equals((string?)attribute, "Yes", StringComparison.OrdinalIgnoreCase);

}
