using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Final Draft's title page is free layout (paragraphs with an alignment), Fountain's is keyed. Writing lays the
/// keys out as the industry does: title, credit, author and source centered in the upper half; contact bottom left;
/// draft date bottom right; any other key as a <c>Key: value</c> line bottom left. Reading infers the keys back from
/// that layout: centered blocks in order are title, credit (a line ending in "by"), author, source; right-aligned
/// is the draft date; left-aligned is a <c>Key: value</c>, a copyright, a draft line, or else the contact.
/// </summary>
internal static partial class FdxTitlePage
{
    private const int LinesBeforeTitle = 16;
    private const int LinesPerPage = 54;

    private static readonly string[] CenteredKeys = ["Title", "Credit", "Author", "Authors", "Source"];

    public static void Write(XmlWriter xml, IReadOnlyList<TitlePageEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var lines = new List<(string Alignment, string Text)>();
        var centered = CenteredKeys
            .SelectMany(key => entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var bottom = entries.Except(centered).ToList();
        var inference = new KeyInference();

        for (var i = 0; i < LinesBeforeTitle; i++)
        {
            lines.Add(("Left", ""));
        }

        foreach (var entry in centered)
        {
            lines.Add(("Center", inference.Spell(entry, "Center")));
            lines.Add(("Center", ""));
            if (string.Equals(entry.Key, "Title", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(("Center", ""));
            }
        }

        var bottomLines = bottom.Select(e => (Alignment: Alignment(e), Text: inference.Spell(e, Alignment(e)))).ToList();
        var bottomHeight = bottomLines.Sum(l => l.Text.Split('\n').Length + 1);
        var used = lines.Sum(l => l.Text.Split('\n').Length);
        for (var i = used; i < LinesPerPage - bottomHeight; i++)
        {
            lines.Add(("Left", ""));
        }

        foreach (var line in bottomLines)
        {
            lines.Add(line);
            lines.Add((line.Alignment, ""));
        }

        xml.WriteStartElement("TitlePage");
        xml.WriteStartElement("Content");
        foreach (var (alignment, text) in lines)
        {
            xml.WriteStartElement("Paragraph");
            xml.WriteAttributeString("Alignment", alignment);
            foreach (var run in EmphasisParser.Parse(text))
            {
                FdxWriter.WriteText(xml, run);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Alignment(TitlePageEntry entry) =>
        string.Equals(entry.Key, "Draft date", StringComparison.OrdinalIgnoreCase) ? "Right" : "Left";

    public static IReadOnlyList<TitlePageEntry> Read(XElement titlePage, Func<XElement, string> paragraphText)
    {
        var inference = new KeyInference();
        return Blocks(titlePage, paragraphText).Select(block => inference.Infer(block.Alignment, block.Text)).ToList();
    }

    /// <summary>
    /// Reads keys from layout, block by block, remembering what it has seen. Writing runs the same inference to know
    /// when a value must carry its key (<c>Key: value</c>) to be read back as that key.
    /// </summary>
    private sealed class KeyInference
    {
        private readonly List<TitlePageEntry> _entries = [];
        private int _centeredSeen;
        private bool _creditSeen;

        public string Spell(TitlePageEntry entry, string alignment)
        {
            var plain = Clone().Infer(alignment, entry.Value);
            var text = string.Equals(plain.Key, SameOnPaper(entry.Key), StringComparison.OrdinalIgnoreCase) && plain.Value == entry.Value
                ? entry.Value
                : entry.Key + ": " + entry.Value;
            Infer(alignment, text);
            return text;
        }

        /// <summary>"Authors" prints like "Author" (Final Draft has no keys), so it is not spelled out and reads back as "Author".</summary>
        private static string SameOnPaper(string key) =>
            string.Equals(key, "Authors", StringComparison.OrdinalIgnoreCase) ? "Author" : key;

        public TitlePageEntry Infer(string alignment, string text)
        {
            var entry = InferEntry(alignment, text);
            _entries.Add(entry);
            return entry;
        }

        private KeyInference Clone()
        {
            var copy = new KeyInference { _centeredSeen = _centeredSeen, _creditSeen = _creditSeen };
            copy._entries.AddRange(_entries);
            return copy;
        }

        private TitlePageEntry InferEntry(string alignment, string text)
        {
            var newline = text.IndexOf('\n');
            var keyed = KeyLine().Match(newline < 0 ? text : text[..newline]);
            // A colon in a centered title ("STAR WARS: A NEW HOPE") is not a key; only the keys centered lines carry are.
            if (keyed.Success && (alignment != "Center" || CenteredKeys.Contains(keyed.Groups[1].Value, StringComparer.OrdinalIgnoreCase)))
            {
                var value = keyed.Groups[2].Value;
                var rest = newline < 0 ? "" : text[(newline + 1)..];
                var key = keyed.Groups[1].Value.Replace("\\*", "*", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal);
                return Entry(key, rest.Length == 0 ? value : value.Length == 0 ? rest : value + "\n" + rest);
            }

            switch (alignment)
            {
                case "Center":
                    _centeredSeen++;
                    if (IsCredit(text))
                    {
                        _creditSeen = true;
                        return Entry("Credit", text);
                    }

                    return Entry(CenteredKey(), text);
                case "Right":
                    return Entry(Has("Draft date") ? "Notes" : "Draft date", text);
                default:
                    return Entry(LeftKey(text), text);
            }
        }

        private string CenteredKey()
        {
            if (_centeredSeen == 1)
            {
                return "Title";
            }

            if (!Has("Author") && (_creditSeen || _centeredSeen == 2))
            {
                return "Author";
            }

            return Has("Source") ? "Notes" : "Source";
        }

        private string LeftKey(string text)
        {
            if (text.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase) || text.StartsWith('©'))
            {
                return "Copyright";
            }

            if (!Has("Draft date") && (text.Contains("draft", StringComparison.OrdinalIgnoreCase) || LooksLikeDate(text)))
            {
                return "Draft date";
            }

            return Has("Contact") ? "Notes" : "Contact";
        }

        private bool Has(string key) =>
            _entries.Exists(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
    }

    private static bool LooksLikeDate(string text) =>
        !text.Contains('\n') && DateLike().IsMatch(text);

    private static bool IsCredit(string text)
    {
        var trimmed = text.Trim().TrimEnd(':').Trim();
        return trimmed.Equals("by", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith(" by", StringComparison.OrdinalIgnoreCase);
    }

    private static TitlePageEntry Entry(string key, string value) => new(key, value, default);

    /// <summary>Runs of non-empty paragraphs of one alignment, each joined with line breaks; empty paragraphs separate them.</summary>
    private static List<(string Alignment, string Text)> Blocks(XElement titlePage, Func<XElement, string> paragraphText)
    {
        var blocks = new List<(string Alignment, string Text)>();
        var content = titlePage.Element("Content");
        if (content is null)
        {
            return blocks;
        }

        string? previousAlignment = null;
        foreach (var paragraph in content.Elements("Paragraph"))
        {
            var text = paragraphText(paragraph);
            var lines = text.Split('\n').Select(l => l.Trim());
            text = string.Join('\n', lines).Trim('\n');
            if (text.Length == 0)
            {
                previousAlignment = null;
                continue;
            }

            var alignment = (string?)paragraph.Attribute("Alignment") ?? "Left";
            if (previousAlignment == alignment && blocks.Count > 0)
            {
                blocks[^1] = (alignment, blocks[^1].Text + "\n" + text);
            }
            else
            {
                blocks.Add((alignment, text));
            }

            previousAlignment = alignment;
        }

        return blocks;
    }

    [GeneratedRegex(@"^(\p{L}[^:\n]{0,39}):(?:\s+(.*)|$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^\s*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLike();
}
