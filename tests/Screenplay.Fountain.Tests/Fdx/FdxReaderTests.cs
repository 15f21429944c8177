using Screenplay.Fountain.Fdx;

namespace Screenplay.Fountain.Tests.Fdx;

public sealed class FdxReaderTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Fdx", "Data", name);

    [Fact]
    public void Every_Final_Draft_paragraph_kind_becomes_the_Fountain_a_writer_would_type()
    {
        using var file = File.OpenRead(DataFile("every-paragraph.fdx"));

        var fountain = FinalDraft.ToFountain(file);

        Assert.Equal(
            """
            Title: THE _VAULT_
            Credit: Written by
            Author:
                Ada Byron
                Charles Babbage
            Source: Based on a true story
            Revision: Blue
            Contact:
                ada@example.com
                555 0100
            Draft date: March 3, 2026

            > ACT ONE <

            # The heist

            = Everything goes wrong.

            INT. WAREHOUSE - NIGHT #12A#

            = They meet at the warehouse.

            Rain on the **tin** roof. A sign: _*No entry*_.
                Second line, indented.

            MARA (V.O.)
            (whispering)
            Price is 5\*3, not snake\_case.

            JONAH
            Now?

            MARA ^
            Now.

            CLOSE ON THE LOCK

            ~Rain, rain, go away

            > THE END? <

            SMASH CUT TO:

            ===

            .THE VAULT

            Empty.

            """.Replace("\r\n", "\n"),
            fountain);
    }

    [Fact]
    public void Script_notes_holding_a_closer_are_written_as_touching_comments_cut_inside_the_closer()
    {
        const string fdx = "<FinalDraft><Content><Paragraph Type=\"Action\"><Text>Go.</Text></Paragraph></Content><ScriptNotes>"
            + "<ScriptNote Range=\"0,0\"><Paragraph><Text>see [1]] and [2]</Text></Paragraph></ScriptNote>"
            + "<ScriptNote Range=\"0,0\" Name=\"Fountain boneyard\"><Paragraph><Text>a */ b</Text></Paragraph><Paragraph/><Paragraph><Text>c</Text></Paragraph></ScriptNote>"
            + "</ScriptNotes></FinalDraft>";

        Assert.Equal("[[see [1] ]][[] and [2] ]]\n\n/*a **//*/ b\n\nc*/\n\nGo.\n", FinalDraft.ToFountain(fdx));
    }

    [Theory]
    [InlineData("<FinalDraft><Content><Paragraph>", "malformed XML")]
    [InlineData("INT. HOUSE - DAY\n\nJust Fountain.", "malformed XML")]
    [InlineData("", "malformed XML")]
    [InlineData("<?xml version=\"1.0\"?><html><body/></html>", "root element is <html>")]
    [InlineData("<FinalDraft DocumentType=\"Script\"><TitlePage/></FinalDraft>", "no <Content>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><FinalDraft><Content><Paragraph Type=\"Action\"><Text>&e;</Text></Paragraph></Content></FinalDraft>", "malformed XML")]
    public void Input_that_is_not_a_Final_Draft_script_gets_a_one_line_error(string input, string expected)
    {
        var error = Assert.Throws<FdxFormatException>(() => FinalDraft.ToFountain(input));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
