using Screenplay.Fountain.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using FountainText = Screenplay.Fountain.Fountain;

namespace Screenplay.Pdf.Tests;

public sealed class ScreenplayPdfTests
{
    private const double Inch = 72;
    private const double Tolerance = 0.6;

    private const string Short = """
        Title: The Test Reel
        Credit: Written by
        Author: Ada Writer
        Draft date: 2026-11-23

        INT. ENGINE ROOM - NIGHT

        Pistons hammer. The room is **hot** and _loud_ and *dim*.

        ANNA
        (shouting)
        Can you hear me?

        CUT TO:

        EXT. DECK - NIGHT

        Calm.
        """;

    [Fact]
    public void Writes_a_title_page_then_one_pdf_page_per_layout_page_with_metadata()
    {
        var script = Paginate(Short + "\n\n===\n\nMore action on a second page.\n");

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script, new PdfOptions { Creator = "Screenplay tests" }));

        Assert.Equal(2, script.Pages.Length);
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Equal("The Test Reel", pdf.Information.Title);
        Assert.Equal("Ada Writer", pdf.Information.Author);
        Assert.Equal("Screenplay tests", pdf.Information.Creator);
        Assert.Equal(8.5 * Inch, pdf.GetPage(2).Width, 1);
        Assert.Equal(11 * Inch, pdf.GetPage(2).Height, 1);
        Assert.Contains("The Test Reel", pdf.GetPage(1).Text);
        Assert.Contains("More action on a second page.", pdf.GetPage(3).Text);
    }

    [Theory]
    [InlineData("INT. ENGINE ROOM - NIGHT", 1.5)]
    [InlineData("ANNA", 3.5)]
    [InlineData("(shouting)", 3.0)]
    [InlineData("Can you hear me?", 2.5)]
    public void Elements_start_at_the_standard_indents(string text, double inches)
    {
        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(Paginate(Short)));

        Assert.Equal(inches * Inch, PdfReadBack.Line(pdf.GetPage(2), text).Left, Tolerance);
    }

    [Fact]
    public void Transitions_end_at_the_right_margin_and_lines_sit_six_to_the_inch()
    {
        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(Paginate(Short)));
        var page = pdf.GetPage(2);

        var transition = PdfReadBack.Line(page, "CUT TO:");
        Assert.Equal(7.5 * Inch, transition.Right, 1.0);
        var cue = PdfReadBack.Line(page, "ANNA");
        var parenthetical = PdfReadBack.Line(page, "(shouting)");
        Assert.Equal(12, cue.Baseline - parenthetical.Baseline, 0.01);
    }

    [Fact]
    public void Emphasis_uses_the_embedded_courier_prime_faces_and_underline_is_drawn()
    {
        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(Paginate(Short)));
        var page = pdf.GetPage(2);
        var action = Assert.Single(PdfReadBack.Lines(page), l => l.Text.StartsWith("Pistons", StringComparison.Ordinal));

        string FontOf(string word)
        {
            var index = action.Text.IndexOf(word, StringComparison.Ordinal);
            return action.Letters.Where(l => l.Value != " ").ElementAt(action.Text[..index].Count(c => c != ' ')).FontName ?? string.Empty;
        }

        Assert.Contains("CourierPrime", FontOf("Pistons"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bold", FontOf("hot"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Italic", FontOf("dim"), StringComparison.OrdinalIgnoreCase);
        var loud = action.Letters.First(l => l.Value == "l" && l.StartBaseLine.X > action.Left + 30 * 7.2);
        Assert.Contains(page.Paths, p => p.GetBoundingRectangle() is { } box
            && box.Left <= loud.StartBaseLine.X + 0.5 && box.Right >= loud.StartBaseLine.X + 4 * 7.2 - 0.5
            && box.Top < action.Baseline && box.Top > action.Baseline - 4);
    }

    [Fact]
    public void Split_dialogue_prints_more_and_contd_and_pages_are_numbered()
    {
        var speech = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"Sentence {i} keeps the speech going on."));
        var action = string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Action beat {i}."));
        var script = Paginate($"{action}\n\nANNA\n{speech}\n");

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script));

        var first = PdfReadBack.Lines(pdf.GetPage(1));
        var second = PdfReadBack.Lines(pdf.GetPage(2));
        Assert.DoesNotContain(first, l => l.Text == "1.");
        Assert.Equal(3.5 * Inch, Assert.Single(first, l => l.Text == "(MORE)").Left, Tolerance);
        Assert.Equal("2.", second[0].Text);
        Assert.Equal(7.5 * Inch, second[0].Right, 1.0);
        Assert.Equal("ANNA (CONT'D)", second[1].Text);
        Assert.Equal(3.5 * Inch, second[1].Left, Tolerance);
    }

    [Fact]
    public void Watermark_is_drawn_diagonally_and_lightly_on_every_page()
    {
        var script = Paginate(Short);

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script, new PdfOptions { Watermark = "FOR JANE ROE" }));

        foreach (var page in pdf.GetPages())
        {
            var rotated = page.Letters.Where(l => l.TextOrientation != TextOrientation.Horizontal).ToList();
            Assert.Equal("FORJANEROE", string.Concat(rotated.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.All(rotated, l => Assert.True(l.FontSize > 24));
        }

        using var plain = PdfDocument.Open(ScreenplayPdf.ToBytes(script));
        Assert.All(plain.GetPages(), p => Assert.DoesNotContain(p.Letters, l => l.TextOrientation != TextOrientation.Horizontal));
    }

    [Fact]
    public void Cyrillic_and_japanese_text_is_drawn_with_a_machine_font_and_reads_back()
    {
        var script = Paginate("""
            ИНТ. КУХНЯ – ДЕНЬ

            Маша ставит чайник.

            @ジョン
            この場所は何ですか？
            """);

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script));
        var lines = PdfReadBack.Lines(pdf.GetPage(1)).Select(l => l.Text.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();

        Assert.Contains("ИНТ.КУХНЯ–ДЕНЬ", lines);
        Assert.Contains("Машаставитчайник.", lines);
        Assert.Contains("ジョン", lines);
        Assert.Contains("この場所は何ですか？", lines);
        var japanese = PdfReadBack.Lines(pdf.GetPage(1)).Single(l => l.Text.StartsWith("この", StringComparison.Ordinal));
        Assert.DoesNotContain("CourierPrime", japanese.Letters[0].FontName, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Header_label_and_scene_numbers_come_from_the_layout()
    {
        var script = Paginator.Paginate(FountainText.Parse(Short), new PageLayout { HeaderLabel = "PINK REVISION", SceneNumbers = true, IncludeTitlePage = false });

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script));
        var lines = PdfReadBack.Lines(pdf.GetPage(1));

        Assert.Equal(1.5 * Inch, PdfReadBack.Line(pdf.GetPage(1), "PINK REVISION").Left, Tolerance);
        var heading = Assert.Single(lines, l => l.Text.Contains("ENGINE ROOM", StringComparison.Ordinal));
        Assert.StartsWith("1", heading.Text, StringComparison.Ordinal);
        Assert.EndsWith("1", heading.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Revised_lines_print_an_asterisk_in_the_right_margin_and_other_lines_none()
    {
        var document = FountainText.Parse(Short);
        var changed = Short.IndexOf("Calm.", StringComparison.Ordinal);
        var script = Paginator.Paginate(document, new PageLayout { IncludeTitlePage = false, Revisions = [new SourceRange(changed, "Calm.".Length)] });

        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(script));
        var lines = PdfReadBack.Lines(pdf.GetPage(1));

        var revised = Assert.Single(lines, l => l.Letters.Any(x => x.Value == "*"));
        Assert.StartsWith("Calm.", revised.Text, StringComparison.Ordinal);
        var star = revised.Letters.Single(x => x.Value == "*");
        Assert.Equal(8.0 * Inch, star.StartBaseLine.X, Tolerance);
    }

    [Fact]
    public void Control_characters_inside_a_line_print_as_blank_cells_not_boxes()
    {
        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(Paginate("Total\t12\u0007 rings.\n")));

        var line = PdfReadBack.Lines(pdf.GetPage(1)).Single();
        Assert.DoesNotContain(line.Letters, l => l.Value.Any(char.IsControl));
        var rings = line.Letters.First(l => l.Value == "r");
        // The layout gives the tab four cells and the bell one: "Total" 5 + 4 + "12" 2 + 1 + " " 1.
        Assert.Equal(1.5 * Inch + 13 * 7.2, rings.StartBaseLine.X, Tolerance);
    }

    [Fact]
    public void An_empty_script_is_one_blank_page()
    {
        using var pdf = PdfDocument.Open(ScreenplayPdf.ToBytes(Paginate(string.Empty)));

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Empty(pdf.GetPage(1).Letters);
    }

    private static PaginatedScript Paginate(string fountain) => Paginator.Paginate(FountainText.Parse(fountain));
}
