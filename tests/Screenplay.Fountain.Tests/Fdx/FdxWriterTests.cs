using System.Xml.Linq;
using Screenplay.Fountain.Fdx;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Fdx;

public sealed class FdxWriterTests
{
    private static Element E(ElementType type, string text) => new(type, text, default);

    private static readonly Document Script = new(
        "",
        [new TitlePageEntry("Title", "THE VAULT", default), new TitlePageEntry("Author", "Ada Byron", default),
         new TitlePageEntry("Draft date", "March 3, 2026", default), new TitlePageEntry("Revision", "Blue", default)],
        [
            E(ElementType.SceneHeading, "INT. VAULT - NIGHT") with { SceneNumber = "7A" },
            E(ElementType.Action, "It is *dark*.") with { Runs = [new("It is "), new("dark", Emphasis.Italic), new(".")] },
            E(ElementType.Character, "JONAH"),
            E(ElementType.Dialogue, "Now?"),
            E(ElementType.Character, "MARA") with { Dual = true },
            E(ElementType.Parenthetical, "(firmly)"),
            E(ElementType.Dialogue, "Now."),
            E(ElementType.PageBreak, ""),
            E(ElementType.Centered, "THE END"),
            E(ElementType.Section, "Act two") with { Level = 2 },
            E(ElementType.Synopsis, "Aftermath."),
            E(ElementType.Transition, "FADE OUT."),
            E(ElementType.PageBreak, ""),
        ],
        [],
        []);

    [Fact]
    public void Paragraph_types_scene_numbers_dual_dialogue_styles_and_page_breaks_are_written_as_Final_Draft_does()
    {
        var xml = XDocument.Parse(FinalDraft.Write(Script));

        Assert.Equal("Script", (string?)xml.Root!.Attribute("DocumentType"));
        var paragraphs = xml.Root.Element("Content")!.Elements("Paragraph").ToList();
        Assert.Equal(
            ["Scene Heading", "Action", null, "Action", "Outline 2", "Outline Body", "Transition", "Action"],
            paragraphs.Select(p => (string?)p.Attribute("Type")));
        Assert.Equal("7A", (string?)paragraphs[0].Attribute("Number"));

        var styled = paragraphs[1].Elements("Text").Select(t => ((string?)t.Attribute("Style"), t.Value));
        Assert.Equal([(null, "It is "), ("Italic", "dark"), (null, ".")], styled);

        var dual = paragraphs[2].Element("DualDialogue")!.Elements("Paragraph")
            .Select(p => ((string?)p.Attribute("Type"), p.Value.Trim()));
        Assert.Equal(
            [("Character", "JONAH"), ("Dialogue", "Now?"), ("Character", "MARA"), ("Parenthetical", "(firmly)"), ("Dialogue", "Now.")],
            dual);

        Assert.Equal("Center", (string?)paragraphs[3].Attribute("Alignment"));
        Assert.Equal("Yes", (string?)paragraphs[3].Attribute("StartsNewPage"));
        Assert.Equal(["Yes"], paragraphs.Select(p => (string?)p.Attribute("StartsNewPage")).OfType<string>().Skip(1));
        Assert.Equal("", paragraphs[^1].Value);
    }

    [Fact]
    public void Title_page_is_laid_out_centered_and_in_the_bottom_corners_and_reads_back_to_the_same_keys()
    {
        var fdx = FinalDraft.Write(Script);
        var lines = XDocument.Parse(fdx).Root!.Element("TitlePage")!.Element("Content")!.Elements("Paragraph")
            .Where(p => p.Value.Length > 0)
            .Select(p => ((string?)p.Attribute("Alignment"), p.Value));

        Assert.Equal(
            [("Center", "THE VAULT"), ("Center", "Ada Byron"), ("Right", "March 3, 2026"), ("Left", "Revision: Blue")],
            lines);
        Assert.StartsWith(
            "Title: THE VAULT\nAuthor: Ada Byron\nDraft date: March 3, 2026\nRevision: Blue\n\n",
            FinalDraft.ToFountain(fdx),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_instead_of_failing_the_export()
    {
        var document = Script with { Elements = [E(ElementType.Action, "Bell\u0007 rings\r\nand \uD83D\uDD14 again")] };

        var xml = XDocument.Parse(FinalDraft.Write(document));

        Assert.Equal("Bell rings\nand \uD83D\uDD14 again", xml.Root!.Element("Content")!.Element("Paragraph")!.Value);
    }

    [Fact]
    public void A_colon_in_a_centered_title_is_part_of_the_title_and_keys_the_layout_cannot_imply_are_spelled_out()
    {
        var document = Script with
        {
            TitlePage = [new("Title", "STAR WARS: A NEW HOPE", default), new("Credit", "A screenplay", default),
                         new("Authors", "George & Gary", default), new("Contact", "Phone: 555", default)],
        };

        var fountain = FinalDraft.ToFountain(FinalDraft.Write(document));

        Assert.StartsWith(
            "Title: STAR WARS: A NEW HOPE\nCredit: A screenplay\nAuthor: George & Gary\nContact: Phone: 555\n\n",
            fountain,
            StringComparison.Ordinal);
    }
}
