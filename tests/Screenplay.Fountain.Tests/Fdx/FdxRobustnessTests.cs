using Screenplay.Fountain.Fdx;

namespace Screenplay.Fountain.Tests.Fdx;

public sealed class FdxRobustnessTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fdx", "Data", "every-paragraph.fdx"));

    [Fact]
    public void A_file_cut_off_anywhere_is_read_or_refused_with_FdxFormatException_never_anything_else()
    {
        for (var length = 0; length < Valid.Length; length += 7)
        {
            AssertReadOrRefused(Valid[..length]);
        }
    }

    [Fact]
    public void Well_formed_XML_in_shapes_Final_Draft_never_writes_is_read_without_crashing()
    {
        string[] oddities =
        [
            "<FinalDraft><Content><Paragraph><DualDialogue><Paragraph><DualDialogue><Paragraph Type=\"Character\"><Text>A</Text></Paragraph></DualDialogue></Paragraph></DualDialogue></Paragraph></Content></FinalDraft>",
            "<FinalDraft><Content><Paragraph Type=\"Outline 99999999999\"><Text>x</Text></Paragraph><Paragraph Type=\"Outline -1\"><Text>y</Text></Paragraph></Content></FinalDraft>",
            "<FinalDraft><Content><Paragraph Type=\"Scene Heading\" Number=\"  \"><Text/></Paragraph><Paragraph><Text Style=\"Bold+Bold+Nonsense\">*_\\</Text></Paragraph></Content></FinalDraft>",
            "<FinalDraft><Content><Paragraph Type=\"Dialogue\"><Text>orphan dialogue</Text></Paragraph><Paragraph Type=\"Character\"><Text>LAST CUE</Text></Paragraph></Content><TitlePage><Content><Paragraph/><Paragraph Alignment=\"Sideways\"><Text>:</Text></Paragraph></Content></TitlePage></FinalDraft>",
            "<x:FinalDraft xmlns:x=\"urn:x\"><x:Content/></x:FinalDraft>",
            "<FinalDraft><Content>text directly in content<Paragraph StartsNewPage=\"Yes\"/><Paragraph StartsNewPage=\"Yes\"/></Content></FinalDraft>",
        ];

        foreach (var xml in oddities)
        {
            AssertReadOrRefused(xml);
        }
    }

    private static void AssertReadOrRefused(string xml)
    {
        try
        {
            var document = FinalDraft.Read(xml);
            Assert.NotNull(document);
        }
        catch (FdxFormatException e)
        {
            Assert.DoesNotContain('\n', e.Message);
        }
    }
}
