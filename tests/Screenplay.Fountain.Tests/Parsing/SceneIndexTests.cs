using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Parsing;

public sealed class SceneIndexTests
{
    private const string Script = """
        # Act One

        ## Morning

        INT. STAGE D - DAY #4A#

        = Margo loses the light.

        MARGO (V.O.)
        Again.

        SILAS
        No.

        MARGO (CONT'D)
        Again.

        EXT. LOT - NIGHT

        @McCALLISTER ^
        Gate's closed.

        # Act Two

        INT. TOWER - DAY

        Empty.
        """;

    [Fact]
    public void Each_scene_knows_its_heading_number_synopsis_sections_and_speakers()
    {
        var doc = Fountain.Parse(Script);
        Assert.Equal(3, doc.Scenes.Length);

        var first = doc.Scenes[0];
        Assert.Equal("INT. STAGE D - DAY", first.Heading);
        Assert.Equal("4A", first.Number);
        Assert.Equal("Margo loses the light.", first.Synopsis);
        Assert.Equal(["Act One", "Morning"], first.SectionPath.ToArray());
        Assert.Equal(["MARGO", "SILAS"], first.Characters.ToArray());
        Assert.Equal(ElementType.SceneHeading, doc.Elements[first.FirstElement].Type);

        var second = doc.Scenes[1];
        Assert.Null(second.Number);
        Assert.Null(second.Synopsis);
        Assert.Equal(["McCALLISTER"], second.Characters.ToArray());

        // A level-one section closes the level-two one under it.
        Assert.Equal(["Act Two"], doc.Scenes[2].SectionPath.ToArray());
    }

    [Fact]
    public void A_scene_span_runs_from_its_heading_to_the_end_of_its_last_element_before_the_next_section()
    {
        var doc = Fountain.Parse(Script);
        var second = doc.Scenes[1];
        var text = doc.Source.Substring(second.Span.Start, second.Span.Length);
        Assert.StartsWith("EXT. LOT - NIGHT", text);
        Assert.EndsWith("Gate's closed.", text);
        Assert.Equal(3, second.ElementCount);
        Assert.Equal(doc.Source[..second.Span.Start].Count(c => c == '\n') + 1, second.Span.Line);
    }

    [Fact]
    public void Notes_are_kept_with_their_position_and_left_out_of_the_printed_text()
    {
        var doc = Fountain.Parse("INT. STAGE - DAY\n\nMargo waits. [[Cut this?]]\n");
        var note = Assert.Single(doc.Notes);
        Assert.Equal("Cut this?", note.Text);
        Assert.Equal(3, note.Span.Line);
        Assert.Equal("[[Cut this?]]", doc.Source.Substring(note.Span.Start, note.Span.Length));
        Assert.Equal("Margo waits.", doc.Elements[1].Text);
    }
}
