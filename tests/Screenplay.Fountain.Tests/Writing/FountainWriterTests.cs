using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Writing;

namespace Screenplay.Fountain.Tests.Writing;

public sealed class FountainWriterTests
{
    public static TheoryData<string> Scripts() => ScriptCorpus.Names();

    /// <summary>What a reader of the script sees of an element; spans move when the text is rewritten.</summary>
    internal static object Shape(Element e) => (e.Type, e.Text, e.SceneNumber, e.Dual, e.Level, string.Join('|', e.Runs));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Writing_a_parsed_script_and_parsing_it_again_gives_the_same_elements_title_page_and_notes(string name)
    {
        var original = Fountain.Parse(ScriptCorpus.Text(name));

        var written = FountainWriter.Write(original);
        var reparsed = Fountain.Parse(written);

        Assert.Equal(original.Elements.Select(Shape), reparsed.Elements.Select(Shape));
        Assert.Equal(original.TitlePage.Select(t => (t.Key, t.Value)), reparsed.TitlePage.Select(t => (t.Key, t.Value)));
        Assert.Equal(original.Notes.Select(n => n.Text), reparsed.Notes.Select(n => n.Text));
    }

    [Fact]
    public void Types_Fountain_would_misread_get_their_forcing_marker_and_no_others_do()
    {
        static Element E(ElementType type, string text) => new(type, text, default);
        var document = new Document("", [], [
            E(ElementType.SceneHeading, "INT. HOUSE - DAY") with { SceneNumber = "1" },
            E(ElementType.SceneHeading, "THE VOID"),
            E(ElementType.Action, "BANG! THE DOOR"),
            E(ElementType.Action, "She waits."),
            E(ElementType.Character, "McCLANE"),
            E(ElementType.Dialogue, "Yippee."),
            E(ElementType.Transition, "CUT TO:"),
            E(ElementType.Transition, "Fade out."),
        ], [], []);

        Assert.Equal(
            "INT. HOUSE - DAY #1#\n\n.THE VOID\n\nBANG! THE DOOR\n\nShe waits.\n\n@McCLANE\nYippee.\n\nCUT TO:\n\n> Fade out.\n",
            FountainWriter.Write(document));
    }

    [Theory]
    [InlineData("@MARA: HI\nHello.\n")]
    [InlineData("!NOTE: NOT A KEY\n\nText.\n")]
    [InlineData("!Note: not a key either\n")]
    public void A_first_paragraph_with_a_colon_is_not_written_so_it_reads_as_a_title_page(string source)
    {
        var original = Fountain.Parse(source);

        var reparsed = Fountain.Parse(FountainWriter.Write(original));

        Assert.Empty(reparsed.TitlePage);
        Assert.Equal(original.Elements.Select(Shape), reparsed.Elements.Select(Shape));
    }
}
