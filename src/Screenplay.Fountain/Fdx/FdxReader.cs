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

    /// <summary>
    /// The script as a document whose element spans and note spans are only sort keys (see
    /// <see cref="FdxScriptNotes.ElementKey"/>), which is all <see cref="Writing.FountainWriter"/> needs to put notes and
    /// boneyard back between the right paragraphs.
    /// </summary>
    public static (Document Document, List<(int Key, string Text)> Boneyard) Read(TextReader input) => Read(() => XmlReader.Create(input, Settings));

    /// <summary>From bytes, so that the XML declaration's encoding is honoured.</summary>
    public static (Document Document, List<(int Key, string Text)> Boneyard) Read(Stream input) => Read(() => XmlReader.Create(input, Settings));

    private static (Document Document, List<(int Key, string Text)> Boneyard) Read(Func<XmlReader> open)
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
        var position = 0;
        foreach (var paragraph in content.Elements("Paragraph"))
        {
            var span = new SourceSpan(FdxScriptNotes.ElementKey(position), 1, 0);
            ReadParagraph(paragraph, elements, allCaps, inDual: false, span);
            // Final Draft's text positions: a paragraph's characters and its break; an embedded dual-dialogue block counts two.
            position += (paragraph.Element("DualDialogue") is null ? RawText(paragraph).Length : 2) + 1;
        }

        var titlePage = root.Element("TitlePage") is { } page ? FdxTitlePage.Read(page, ParagraphText) : [];
        var notes = new List<Note>();
        var boneyard = new List<(int Key, string Text)>();
        foreach (var (key, text, isBoneyard) in FdxScriptNotes.Read(root))
        {
            if (isBoneyard)
            {
                boneyard.Add((key, text));
            }
            else
            {
                notes.Add(new Note(text, new SourceSpan(key, 0, 0)));
            }
        }

        return (new Document("", [.. titlePage], [.. elements], [], [.. notes]), boneyard);
    }

    /// <summary>The paragraph's own text runs joined as they are, styles ignored.</summary>
    internal static string RawText(XElement paragraph) => string.Concat(paragraph.Elements("Text").Select(t => t.Value));

    private static void ReadParagraph(XElement paragraph, List<Element> elements, HashSet<string> allCaps, bool inDual, SourceSpan span)
    {
        if (IsYes(paragraph.Attribute("StartsNewPage")))
        {
            // Between a note that ends the previous paragraph's break and one at the start of this paragraph.
            elements.Add(new Element(ElementType.PageBreak, "", span with { Start = span.Start - 2 }));
        }

        if (paragraph.Element("DualDialogue") is { } dual)
        {
            var cues = new List<int>();
            foreach (var inner in dual.Elements("Paragraph"))
            {
                var before = elements.Count;
                ReadParagraph(inner, elements, allCaps, inDual: true, span);
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
            var element = new Element(type, text, span) { Level = level };
            if (type == ElementType.SceneHeading)
            {
                var number = ((string?)paragraph.Attribute("Number"))?.Trim();
                element = element with { SceneNumber = string.IsNullOrEmpty(number) ? null : number };
            }

            elements.Add(element);
        }

        if (type == ElementType.SceneHeading && !inDual)
        {
            AddSceneSummary(paragraph, elements, span);
        }
    }

    /// <summary>A scene's summary (Final Draft's scene properties) is Fountain's synopsis under the heading.</summary>
    private static void AddSceneSummary(XElement heading, List<Element> elements, SourceSpan span)
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
                elements.Add(new Element(ElementType.Synopsis, text, span));
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
