using System.Text;
using System.Text.Json;
using Screenplay.Fountain.Syntax;
using FountainParser = Screenplay.Fountain.Fountain;

namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// The editor styles each line by its JS classifier (Editor/src/fountain/classify.js); the preview and the PDF use
/// the C# parser. These tests run both over the same texts and require the same type on every line: the shared
/// cases (classifier-cases.txt), the parser's spec cases, the generated feature script and the demo script.
/// A line outside every parsed element must be a non-printing line for the classifier (blank, title page, or only
/// notes / boneyard); a line of only notes or boneyard may lie inside a parsed paragraph.
/// </summary>
public sealed class ClassifierParityTests
{
    private static readonly HashSet<string> NonPrinting = ["blank", "title_page", "hidden"];

    public static TheoryData<string> Corpora() => ["shared cases", "parser spec cases", "feature script", "demo script"];

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task Classifier_gives_every_line_the_parsers_element_type(string corpus)
    {
        var texts = Load(corpus);
        Assert.NotEmpty(texts);
        var jsTypes = await ClassifyInNodeAsync(texts.Select(t => t.Text).ToList());

        var disagreements = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            var (name, text) = texts[i];
            var parsed = ParserLineTypes(text);
            var js = jsTypes[i];
            Assert.Equal(parsed.Length, js.Length);
            for (var line = 0; line < parsed.Length; line++)
            {
                // A line of notes or boneyard alone is not there for either: inside a paragraph its span may cover it.
                // A line of spaces at the edge of a speech belongs to no element (it is outer whitespace), and prints
                // nothing whatever the editor calls it.
                var agree = js[line] == "hidden"
                    || (parsed[line] is null ? NonPrinting.Contains(js[line]) || LineOf(text, line).Trim().Length == 0 : parsed[line] == js[line]);
                if (!agree)
                {
                    disagreements.AppendLine($"{name}, line {line + 1}: parser {parsed[line] ?? "(no element)"}, editor {js[line]}: {LineOf(text, line)}");
                }
            }
        }
        Assert.True(disagreements.Length == 0, "The editor and the parser disagree:\n" + disagreements);
    }

    /// <summary>The parser's element type of every source line (null where no element covers it).</summary>
    internal static string?[] ParserLineTypes(string text)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lineStarts.Add(i + 1);
            }
        }
        var types = new string?[lineStarts.Count];
        foreach (var element in FountainParser.Parse(text).Elements)
        {
            var first = LineIndexAt(lineStarts, element.Span.Start);
            var end = Math.Max(element.Span.Start, element.Span.End - 1);
            var last = element.Span.Length == 0 ? first : LineIndexAt(lineStarts, end);
            for (var line = first; line <= last; line++)
            {
                // A paragraph's span may end on the line break after it; that break belongs to no next element.
                if (line > first && line == last && lineStarts[line] == element.Span.End)
                {
                    continue;
                }
                types[line] = SnakeCase(element.Type);
            }
        }
        return types;
    }

    private static int LineIndexAt(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static string SnakeCase(ElementType type) => type switch
    {
        ElementType.SceneHeading => "scene_heading",
        ElementType.PageBreak => "page_break",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string LineOf(string text, int line) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')[line];

    private static async Task<string[][]> ClassifyInNodeAsync(IReadOnlyList<string> texts)
    {
        var result = await Node.RunAsync(EditorPaths.EditorProject, JsonSerializer.Serialize(texts), "tools/classify-lines.mjs");
        Assert.True(result.ExitCode == 0, $"the classifier failed: {result.Error}");
        return JsonSerializer.Deserialize<string[][]>(result.Output)!;
    }

    private static List<(string Name, string Text)> Load(string corpus) => corpus switch
    {
        "shared cases" => SharedCases(),
        "parser spec cases" => Directory
            .GetFiles(Path.Combine(EditorPaths.RepositoryRoot, "tests", "Screenplay.Fountain.Tests", "Parsing", "Spec"), "*.fountain")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .ToList(),
        "feature script" => [("feature.fountain", File.ReadAllText(Path.Combine(EditorPaths.RepositoryRoot, "bench", "data", "feature.fountain")))],
        "demo script" => [("demo.fountain", File.ReadAllText(Path.Combine(EditorPaths.RepositoryRoot, "src", "Screenplay.Web", "Scripts", "Demo", "demo.fountain")))],
        _ => throw new ArgumentOutOfRangeException(nameof(corpus)),
    };

    /// <summary>The cases file: "## name" starts a case; each following "type&lt;TAB&gt;line" is a source line.</summary>
    private static List<(string Name, string Text)> SharedCases()
    {
        var cases = new List<(string Name, List<string> Lines)>();
        foreach (var line in File.ReadAllLines(EditorPaths.ClassifierCases))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                cases.Add((line[3..], []));
            }
            else if (cases.Count > 0 && line.Contains('\t'))
            {
                cases[^1].Lines.Add(line[(line.IndexOf('\t') + 1)..]);
            }
        }
        return cases.Select(c => (c.Name, string.Join('\n', c.Lines))).ToList();
    }
}
