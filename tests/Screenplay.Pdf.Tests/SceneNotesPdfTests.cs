using Screenplay.Fountain.Layout;
using UglyToad.PdfPig;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Pdf.Tests;

/// <summary>The draft PDF with open notes printed after each scene (PageLayout.SceneNotes), read back with PdfPig.</summary>
public sealed class SceneNotesPdfTests
{
    private const string Source = """
        INT. KITCHEN - NIGHT

        Anna cooks.

        EXT. GARDEN - DAY

        Birds.
        """;

    [Fact]
    public void Open_notes_print_boxed_and_indented_between_their_scene_and_the_next()
    {
        var layout = new PageLayout { SceneNotes = [new SceneNotes(0, ["Dana, 23 Nov: Louder pans.", "Walt: Agreed."])] };
        var bytes = ScreenplayPdf.ToBytes(Paginator.Paginate(FountainText.Parse(Source), layout));

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var lines = PdfReadBack.Lines(page);
        Assert.Equal(["INT. KITCHEN - NIGHT", "Anna cooks.", "NOTES", "- Dana, 23 Nov: Louder pans.", "- Walt: Agreed.", "EXT. GARDEN - DAY", "Birds."],
            lines.Select(l => l.Text));
        Assert.Equal(2.0 * 72, PdfReadBack.Line(page, "NOTES").Left, 1);
        Assert.Equal(2.0 * 72, PdfReadBack.Line(page, "- Walt: Agreed.").Left, 1);
        Assert.True(PdfReadBack.Line(page, "NOTES").Letters.All(l => l.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true));

        // One rectangle frames the block: left of its text, from above "NOTES" to below the last note.
        var box = Assert.NotNull(Assert.Single(page.Paths).GetBoundingRectangle());
        Assert.InRange(box.Left, 2.0 * 72 - 6, 2.0 * 72 - 1);
        Assert.InRange(box.Top, PdfReadBack.Line(page, "NOTES").Baseline, PdfReadBack.Line(page, "Anna cooks.").Baseline);
        Assert.InRange(box.Bottom, PdfReadBack.Line(page, "EXT. GARDEN - DAY").Baseline, PdfReadBack.Line(page, "- Walt: Agreed.").Baseline);
    }
}
