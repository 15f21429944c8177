using System.Xml.Linq;
using Screenplay.Fountain.Fdx;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Tests.Writing;

namespace Screenplay.Fountain.Tests.Fdx;

public sealed class FdxRoundTripTests
{
    public static TheoryData<string> Scripts() => ScriptCorpus.Names();

    /// <summary>
    /// What survives Final Draft: type, printed text with its emphasis, scene number, dual flag, and section depth up
    /// to Final Draft's four outline levels. Emphasis markers may be spelled differently afterwards (<c>\_</c> for a
    /// literal underscore), so what prints is compared rather than the marked-up text.
    /// </summary>
    private static object Shape(Element e) =>
        (e.Type, Printed(e.Runs), e.SceneNumber, e.Dual, Math.Min(e.Level, 4));

    private static string PrintedValue(TitlePageEntry entry) => Printed(EmphasisParser.Parse(entry.Value));

    /// <summary>
    /// The text with the emphasis each character prints with. Bold or italic on a space does not show (underline
    /// does), and the writer may move a space outside bold or italic markers to keep them apart.
    /// </summary>
    private static string Printed(IEnumerable<TextRun> runs)
    {
        var chars = runs.SelectMany(r => r.Text.Select(c => (c, Emphasis: char.IsWhiteSpace(c) ? r.Emphasis & Emphasis.Underline : r.Emphasis)));
        var builder = new System.Text.StringBuilder();
        Emphasis? current = null;
        foreach (var (c, emphasis) in chars)
        {
            if (emphasis != current)
            {
                builder.Append('|').Append(emphasis).Append(':');
                current = emphasis;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Notes and boneyard with their text and the paragraph they stand before: the index of the first element after
    /// them that starts a paragraph (a note inside a speech is written after it, so it comes back there).
    /// </summary>
    private static List<(string Kind, string Text, int Before)> Asides(Document document)
    {
        var masks = document.Masks?.Masks ?? [];
        var boneyard = masks.Where(m => m.Kind == MaskKind.Boneyard)
            .Select(m => ("boneyard", document.Source[(m.Start + 2)..(m.End - 2)].Replace("\r", ""), Before(document, m.Start)));
        var notes = document.Notes.Select(n => ("note", n.Text, Before(document, n.Span.Start)));
        return [.. notes.Concat(boneyard)];
    }

    private static int Before(Document document, int offset)
    {
        var elements = document.Elements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].Span.Start > offset && !InSpeech(elements[i]))
            {
                // Final Draft holds both speeches of dual dialogue in one paragraph: what stood between them comes after.
                return SecondOfDualPair(elements, i) ? NextParagraph(elements, i) : i;
            }
        }

        return elements.Length;
    }

    private static bool InSpeech(Element e) => e.Type is ElementType.Dialogue or ElementType.Parenthetical;

    private static bool SecondOfDualPair(IReadOnlyList<Element> elements, int i)
    {
        if (elements[i] is not { Type: ElementType.Character, Dual: true })
        {
            return false;
        }

        var cue = i - 1;
        while (cue >= 0 && InSpeech(elements[cue]))
        {
            cue--;
        }

        return cue >= 0 && cue < i - 1 && elements[cue] is { Type: ElementType.Character, Dual: false };
    }

    private static int NextParagraph(IReadOnlyList<Element> elements, int i)
    {
        var j = i + 1;
        while (j < elements.Count && InSpeech(elements[j]))
        {
            j++;
        }

        return j;
    }

    [Fact]
    public void Notes_and_boneyard_travel_as_final_draft_script_notes_at_their_place()
    {
        var original = Fountain.Parse("INT. LAB - DAY\n\n[[Check the lab set.]]\n\nShe waits [[too slow?]] by the door.\n\n/* CUT:\n\nA line we cut. */\n\nDone.\n");

        var fdx = FinalDraft.Write(original);

        var notes = XDocument.Parse(fdx).Root!.Element("ScriptNotes")!.Elements("ScriptNote").ToList();
        // Paragraphs start at 0 ("INT. LAB - DAY"), 15 ("She waits  by the door."), 39 ("Done.").
        Assert.Equal(["15,15", "15,38", "39,39"], notes.Select(n => (string?)n.Attribute("Range")));
        Assert.Equal("Fountain boneyard", (string?)notes[2].Attribute("Name"));
        Assert.Equal([" CUT:", "", "A line we cut. "], notes[2].Elements("Paragraph").Select(p => p.Value));
        var back = FinalDraft.ToFountain(fdx);
        Assert.Equal("INT. LAB - DAY\n\n[[Check the lab set.]]\n\nShe waits  by the door.\n\n[[too slow?]]\n\n/* CUT:\n\nA line we cut. */\n\nDone.\n", back);
    }

    [Fact]
    public void Script_notes_written_by_final_draft_come_in_as_fountain_notes_where_their_range_points()
    {
        const string fdx = """
            <FinalDraft DocumentType="Script" Version="5"><Content>
            <Paragraph Type="Scene Heading"><Text>INT. LAB - DAY</Text></Paragraph>
            <Paragraph Type="Action"><Text>She waits.</Text></Paragraph>
            <Paragraph Type="Action"><Text>He comes.</Text></Paragraph>
            </Content><ScriptNotes>
            <ScriptNote ID="7" Range="15,25" WriterName="Ann"><Paragraph><Text>Why *wait*?</Text></Paragraph></ScriptNote>
            <ScriptNote ID="8" Range="26,26"><Paragraph><Text>Before he comes.</Text></Paragraph></ScriptNote>
            <ScriptNote ID="9"><Paragraph><Text>No range.</Text></Paragraph></ScriptNote>
            </ScriptNotes></FinalDraft>
            """;

        var back = FinalDraft.Read(fdx);

        Assert.Equal(["Why *wait*?", "Before he comes.", "No range."], back.Notes.Select(n => n.Text));
        Assert.Equal([2, 2, 3], back.Notes.Select(n => Before(back, n.Span.Start)));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Fountain_to_FDX_and_back_keeps_every_element_and_title_page_entry(string name)
    {
        var original = Fountain.Parse(ScriptCorpus.Text(name));

        var fdx = FinalDraft.Write(original);
        var back = FinalDraft.Read(fdx);

        Assert.Equal(original.Elements.Select(Shape), back.Elements.Select(Shape));
        Assert.Equal(Asides(original), Asides(back));
        Assert.Equal(
            original.TitlePage.Select(t => (t.Key, PrintedValue(t))).Order(),
            back.TitlePage.Select(t => (t.Key, PrintedValue(t))).Order());
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 150)];

    /// <summary>The pieces of note and boneyard text most likely to end a comment early or break it.</summary>
    private static readonly string[] AsideTokens =
        ["*/", "/*", "]]", "[[", "]", "[", "*", "/", "\\", "\n", "\n\n", " ", "  ", "cut", "INT. HOUSE - DAY", "BOB", "*/\n\nLEAK", "]]\nLEAK"];

    /// <summary>
    /// Script notes and boneyard of any text, as Final Draft (or another tool) may hold them, go into Fountain and come
    /// back out to FDX with the same text, and none of it leaks into the script: the elements are those of the same file
    /// without its notes. A note's blank lines come back empty (a Fountain note cannot hold a blank line).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Script_notes_and_boneyard_holding_comment_closers_come_back_with_the_same_text_and_leak_nothing(int seed)
    {
        var random = new Random(seed);
        var bare = XDocument.Parse(FinalDraft.Write(Fountain.Parse(ScriptCorpus.Text("generated:" + seed))));
        bare.Root!.Element("ScriptNotes")?.Remove();
        var withNotes = new XDocument(bare);
        withNotes.Root!.Add(new XElement("ScriptNotes", Enumerable.Range(1, random.Next(1, 7)).Select(id => ScriptNote(random, id))));

        var back = FinalDraft.Read(withNotes.ToString());

        Assert.Equal(FinalDraft.Read(bare.ToString()).Elements.Select(Shape), back.Elements.Select(Shape));
        var sent = FdxScriptNotes.Read(withNotes.Root).Select(n => (n.Boneyard, n.Boneyard ? n.Text : EmptyBlankLines(n.Text)));
        var returned = FdxScriptNotes.Read(XDocument.Parse(FinalDraft.Write(back), LoadOptions.PreserveWhitespace).Root!).Select(n => (n.Boneyard, n.Text));
        Assert.Equal(sent.Order(), returned.Order());
    }

    private static XElement ScriptNote(Random random, int id)
    {
        var text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => AsideTokens[random.Next(AsideTokens.Length)]));
        var start = random.Next(0, 400);
        var note = new XElement(
            "ScriptNote",
            new XAttribute("ID", id),
            new XAttribute("Range", $"{start},{start + (random.Next(2) == 0 ? 0 : random.Next(1, 30))}"),
            text.Split('\n').Select(line => new XElement("Paragraph", new XElement("Text", line))));
        if (random.Next(2) == 0)
        {
            note.Add(new XAttribute("Name", "Fountain boneyard"));
        }

        return note;
    }

    private static string EmptyBlankLines(string text) =>
        string.Join('\n', text.Split('\n').Select(line => string.IsNullOrWhiteSpace(line) ? "" : line));
}
