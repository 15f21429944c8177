using System.Collections.Immutable;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Layout;

public sealed class PaginatorTests
{
    private const double Inch = 72;
    private const int FirstRow = 6;
    private const int LetterRows = 54;

    private static readonly string LongSpeech = string.Join(' ', Enumerable.Range(1, 12).Select(i =>
        $"This is sentence number {i} of a speech that goes on for a long while."));

    [Theory]
    [InlineData(ElementType.SceneHeading, 1.5)]
    [InlineData(ElementType.Action, 1.5)]
    [InlineData(ElementType.Character, 3.5)]
    [InlineData(ElementType.Parenthetical, 3.0)]
    [InlineData(ElementType.Dialogue, 2.5)]
    public void Each_element_starts_at_the_standard_indent(ElementType type, double inches)
    {
        var doc = new DocumentBuilder()
            .Heading("INT. HOUSE - DAY").Action("Rain.").Character("ANNA").Parenthetical("(quietly)").Dialogue("Hello.")
            .Build();

        var line = Paginator.Paginate(doc).Pages[0].Lines.Single(l => l.ElementIndex >= 0 && doc.Elements[l.ElementIndex].Type == type);

        Assert.Equal(inches * Inch, line.X, 3);
    }

    [Fact]
    public void Transitions_are_right_aligned_at_the_right_margin_and_centered_text_is_centered()
    {
        var doc = new DocumentBuilder().Action("Go.").Transition("CUT TO:").Centered("THE END").Build();

        var lines = Paginator.Paginate(doc).Pages[0].Lines;
        var transition = lines.Single(l => l.Kind == LineKind.Transition);
        var centered = lines.Single(l => l.Kind == LineKind.Centered);

        Assert.Equal(7.5 * Inch, transition.X + transition.Columns * Paper.CharWidth, 3);
        Assert.Equal(4.5 * Inch, centered.X + centered.Columns * Paper.CharWidth / 2, 3);
    }

    [Fact]
    public void Long_lines_wrap_at_word_boundaries_within_the_column()
    {
        var doc = new DocumentBuilder().Speech("ANNA", LongSpeech).Build();

        var dialogue = Paginator.Paginate(doc).Pages[0].Lines.Where(l => l.Kind == LineKind.Dialogue).ToList();

        Assert.True(dialogue.Count > 10);
        Assert.All(dialogue, l => Assert.InRange(l.Text.Length, 1, 35));
        Assert.Equal(LongSpeech, string.Join(' ', dialogue.Select(l => l.Text)));
        Assert.Equal(Enumerable.Range(FirstRow + 1, dialogue.Count), dialogue.Select(l => l.Row));
    }

    [Theory]
    [InlineData(PaperSize.Letter, 54)]
    [InlineData(PaperSize.A4, 58)]
    public void Pages_hold_the_body_lines_of_their_paper_and_are_numbered_from_page_two(PaperSize paper, int rows)
    {
        // One-line action paragraphs take two rows each (a blank line between): 2n-1 rows for n paragraphs.
        var doc = new DocumentBuilder().ActionLines(100).Build();

        var script = Paginator.Paginate(doc, new PageLayout { Paper = paper });

        var perPage = (rows + 1) / 2;
        Assert.Equal((100 + perPage - 1) / perPage, script.Pages.Length);
        Assert.All(script.Pages, p => Assert.InRange(p.Lines.Where(l => l.ElementIndex >= 0).Max(l => l.Row), FirstRow, FirstRow + rows - 1));
        Assert.DoesNotContain(script.Pages[0].Lines, l => l.Kind == LineKind.PageNumber);
        var number = script.Pages[1].Lines.Single(l => l.Kind == LineKind.PageNumber);
        Assert.Equal("2.", number.Text);
        Assert.Equal(3, number.Row);
        Assert.Equal(7.5 * Inch, number.X + 2 * Paper.CharWidth, 3);
    }

    [Fact]
    public void A_scene_heading_never_ends_a_page()
    {
        // 26 paragraphs fill rows 0..50; the heading would land on row 52 with its action on row 54: past the page.
        var doc = new DocumentBuilder().ActionLines(26).Heading("EXT. FIELD - NIGHT").Action("Wind.\nMore wind.").Build();

        var script = Paginator.Paginate(doc);

        Assert.DoesNotContain(script.Pages[0].Lines, l => l.Kind == LineKind.SceneHeading);
        Assert.Equal(LineKind.SceneHeading, script.Pages[1].Lines.First(l => l.ElementIndex >= 0).Kind);
        Assert.Equal(FirstRow, script.Pages[1].Lines.First(l => l.ElementIndex >= 0).Row);
    }

    [Fact]
    public void A_character_cue_never_ends_a_page()
    {
        var doc = new DocumentBuilder().ActionLines(26).Speech("ANNA", "One line. And another line that wraps past the column width here.").Build();

        var script = Paginator.Paginate(doc);

        Assert.DoesNotContain(script.Pages[0].Lines, l => l.Kind == LineKind.Character);
        Assert.Equal("ANNA", script.Pages[1].Lines.First(l => l.ElementIndex >= 0).Text);
    }

    [Fact]
    public void Long_dialogue_splits_between_sentences_with_more_and_contd()
    {
        var doc = new DocumentBuilder().ActionLines(20).Character("ANNA (V.O.)").Dialogue(LongSpeech).Build();

        var script = Paginator.Paginate(doc);

        var first = script.Pages[0].Lines;
        var second = script.Pages[1].Lines.Where(l => l.ElementIndex >= 0).ToList();
        var more = Assert.Single(first, l => l.Kind == LineKind.More);
        Assert.Equal("(MORE)", more.Text);
        Assert.Equal(3.5 * Inch, more.X, 3);
        Assert.Equal(first.Where(l => l.ElementIndex >= 0).Max(l => l.Row), more.Row);
        var lastBeforeMore = first.Last(l => l.Kind == LineKind.Dialogue);
        Assert.EndsWith(".", lastBeforeMore.Text);
        Assert.Equal("ANNA (V.O.) (CONT'D)", second[0].Text);
        Assert.Equal(LineKind.Character, second[0].Kind);
        Assert.Equal(FirstRow, second[0].Row);
        Assert.StartsWith("This is sentence number", second[1].Text);
        var printed = first.Concat(second).Where(l => l.Kind == LineKind.Dialogue).Select(l => l.Text);
        Assert.Equal(LongSpeech, string.Join(' ', printed));
    }

    [Fact]
    public void Dialogue_without_a_sentence_break_that_fits_moves_whole_to_the_next_page()
    {
        var unbroken = string.Join(' ', Enumerable.Repeat("words without any full stop", 20));
        var doc = new DocumentBuilder().ActionLines(20).Speech("ANNA", unbroken).Build();

        var script = Paginator.Paginate(doc);

        Assert.DoesNotContain(script.Pages.SelectMany(p => p.Lines), l => l.Kind == LineKind.More);
        Assert.Equal("ANNA", script.Pages[1].Lines.First(l => l.ElementIndex >= 0).Text);
    }

    [Fact]
    public void Long_action_splits_between_sentences_with_at_least_two_lines_on_each_page()
    {
        // 24 one-line paragraphs fill rows 0..46; the paragraph starts on row 48 with 6 rows left on the page.
        var action = "Dr. J. R. Wells checks the clock: 5 a.m. The rain keeps falling on the roof of the house... "
            + "Nobody moves. Mr. Pike lights a cigarette and watches the street below for a long while. "
            + "A car passes. Then another, slower, its headlights sweeping across the ceiling of the room. "
            + "Wells waits by the door with St. Clair. The phone rings twice and stops. Mrs. Pike sleeps.";
        var doc = new DocumentBuilder().ActionLines(24).Action(action).Build();

        var script = Paginator.Paginate(doc);

        var index = doc.Elements.Length - 1;
        var first = script.Pages[0].Lines.Where(l => l.ElementIndex == index).Select(l => l.Text).ToList();
        var second = script.Pages[1].Lines.Where(l => l.ElementIndex == index).Select(l => l.Text).ToList();
        // Seven lines; five fit above the last two. The cut is at the last sentence end in those five lines, and the
        // titles, initials, "a.m." and the ellipsis are not taken for sentence ends.
        Assert.Equal(5, first.Count);
        Assert.EndsWith("the ceiling of the room.", first[^1]);
        Assert.Equal(2, second.Count);
        Assert.StartsWith("Wells waits by the door with St. Clair.", second[0]);
        Assert.Equal(action, string.Join(' ', first.Concat(second)));
    }

    [Fact]
    public void Action_without_a_sentence_end_in_reach_moves_whole_to_the_next_page()
    {
        var unbroken = string.Join(' ', Enumerable.Repeat("words without any full stop", 20)) + ".";
        var doc = new DocumentBuilder().ActionLines(24).Action(unbroken).Build();

        var script = Paginator.Paginate(doc);

        Assert.DoesNotContain(script.Pages[0].Lines, l => l.ElementIndex == doc.Elements.Length - 1);
        Assert.Equal(FirstRow, script.Pages[1].Lines.First(l => l.ElementIndex == doc.Elements.Length - 1).Row);
    }

    [Fact]
    public void A_parenthetical_never_ends_a_page()
    {
        // Rows left after 25 paragraphs (0..48): blank 49, cue 50, dialogue 51-52, (MORE) 53 would fit if the split
        // were allowed after the parenthetical; it is not, so the split comes before it.
        var doc = new DocumentBuilder().ActionLines(25)
            .Character("BOB").Dialogue("First thought here. Second thought.").Parenthetical("(beat)")
            .Dialogue("Then the rest of it. And more of it to say.")
            .Build();

        var script = Paginator.Paginate(doc);

        var bodyFirst = script.Pages[0].Lines.Where(l => l.ElementIndex >= 0).ToList();
        Assert.NotEqual(LineKind.Parenthetical, bodyFirst[^1].Kind);
        var beforeMore = script.Pages[0].Lines.TakeWhile(l => l.Kind != LineKind.More).LastOrDefault(l => l.ElementIndex >= 0);
        Assert.NotEqual(LineKind.Parenthetical, beforeMore?.Kind);
    }

    [Fact]
    public void A_transition_that_does_not_fit_takes_the_end_of_the_previous_paragraph_along()
    {
        var doc = new DocumentBuilder().ActionLines(24)
            .Action(string.Join('\n', Enumerable.Range(1, 6).Select(i => $"Closing line {i}.")))
            .Transition("CUT TO:")
            .Build();

        var script = Paginator.Paginate(doc);

        var second = script.Pages[1].Lines.Where(l => l.ElementIndex >= 0).ToList();
        Assert.Equal(LineKind.Action, second[0].Kind);
        Assert.Equal(["Closing line 5.", "Closing line 6.", "CUT TO:"], second.Select(l => l.Text));
        Assert.Equal("Closing line 4.", script.Pages[0].Lines.Last(l => l.ElementIndex >= 0).Text);
    }

    [Fact]
    public void A_forced_page_break_starts_a_new_page()
    {
        var doc = new DocumentBuilder().Action("Before.").PageBreak().Action("After.").Build();

        var script = Paginator.Paginate(doc);

        Assert.Equal(2, script.Pages.Length);
        Assert.Equal(["After."], script.Pages[1].Lines.Where(l => l.ElementIndex >= 0).Select(l => l.Text));
    }

    [Fact]
    public void Dual_dialogue_is_side_by_side_and_moves_whole_rather_than_split()
    {
        var doc = new DocumentBuilder().ActionLines(26)
            .Character("BRICK").Dialogue("Screw retirement. I mean it. I really, truly mean it.")
            .Character("STEEL", dual: true).Dialogue("Screw retirement. Me too, partner.")
            .Build();

        var script = Paginator.Paginate(doc);

        Assert.DoesNotContain(script.Pages[0].Lines, l => l.Dual != DualSide.None);
        var lines = script.Pages[1].Lines;
        var left = lines.Single(l => l.Kind == LineKind.Character && l.Dual == DualSide.Left);
        var right = lines.Single(l => l.Kind == LineKind.Character && l.Dual == DualSide.Right);
        Assert.Equal(left.Row, right.Row);
        Assert.True(right.X > left.X + 20 * Paper.CharWidth);
        Assert.All(lines.Where(l => l.Dual == DualSide.Left), l => Assert.True(l.X + l.Columns * Paper.CharWidth <= right.X - 3 * Paper.CharWidth));
        Assert.DoesNotContain(lines, l => l.Kind == LineKind.More);
    }

    [Fact]
    public void Scene_numbers_print_in_both_margins_using_written_numbers_or_ordinals()
    {
        var doc = new DocumentBuilder().Heading("INT. A - DAY").Action("x.").Heading("INT. B - DAY", "7A").Build();

        var lines = Paginator.Paginate(doc, new PageLayout { SceneNumbers = true }).Pages[0].Lines;

        var numbers = lines.Where(l => l.Kind == LineKind.SceneNumber).ToList();
        Assert.Equal(["1", "1", "7A", "7A"], numbers.Select(l => l.Text));
        Assert.True(numbers[0].X < 1.5 * Inch && numbers[1].X > 7.5 * Inch);
        Assert.Equal(lines.First(l => l.Kind == LineKind.SceneHeading).Row, numbers[0].Row);
        Assert.Empty(Paginator.Paginate(doc).Pages[0].Lines.Where(l => l.Kind == LineKind.SceneNumber));
    }

    [Fact]
    public void Revision_marks_star_only_the_printed_lines_a_change_touches()
    {
        var doc = new DocumentBuilder().Action("Unchanged.").Action("First line.\nChanged line.\nLast line.").Build();
        var changed = doc.Source.IndexOf("Changed", StringComparison.Ordinal);

        var lines = Paginator.Paginate(doc, new PageLayout { Revisions = [new SourceRange(changed + 2, 3)] }).Pages[0].Lines;

        var marks = lines.Where(l => l.Kind == LineKind.RevisionMark).ToList();
        var mark = Assert.Single(marks);
        Assert.Equal("*", mark.Text);
        Assert.True(mark.X >= 7.6 * Inch);
        var revised = Assert.Single(lines, l => l.Revised);
        Assert.Equal("Changed line.", revised.Text);
        Assert.Equal(revised.Row, mark.Row);
    }

    [Fact]
    public void Header_label_prints_at_the_top_left_of_every_page()
    {
        var doc = new DocumentBuilder().ActionLines(60).Build();

        var script = Paginator.Paginate(doc, new PageLayout { HeaderLabel = "BLUE REVISION" });

        Assert.All(script.Pages, p => Assert.Contains(p.Lines, l => l.Kind == LineKind.HeaderLabel && l.Text == "BLUE REVISION" && l.Row == 3));
    }

    [Fact]
    public void Title_page_centers_title_credit_author_and_puts_contact_and_draft_date_in_the_bottom_corners()
    {
        var doc = new DocumentBuilder()
            .Title("Title", "_**BRICK & STEEL**_\nFULL RETIRED").Title("Credit", "Written by").Title("Author", "Stu Maschwitz")
            .Title("Draft date", "1/27/2012").Title("Contact", "Next Level Productions\n1588 Mission Dr.")
            .Action("x.").Build();

        var script = Paginator.Paginate(doc);

        var page = Assert.IsType<Page>(script.TitlePage);
        var title = page.Lines[0];
        Assert.Equal("BRICK & STEEL", title.Text);
        Assert.Equal(Emphasis.Bold | Emphasis.Underline, Assert.Single(title.Runs).Emphasis);
        Assert.Equal(4.5 * Inch, title.X + title.Columns * Paper.CharWidth / 2, 3);
        var contact = page.Lines.Single(l => l.Text == "1588 Mission Dr.");
        var date = page.Lines.Single(l => l.Text == "1/27/2012");
        Assert.Equal(1.5 * Inch, contact.X, 3);
        Assert.Equal(7.5 * Inch, date.X + date.Columns * Paper.CharWidth, 3);
        Assert.Equal(FirstRow + LetterRows - 1, contact.Row);
        Assert.True(page.Lines.Single(l => l.Text == "Stu Maschwitz").Row > page.Lines.Single(l => l.Text == "Written by").Row);
        Assert.Equal("BRICK & STEEL FULL RETIRED", script.Title);
        Assert.Equal("Stu Maschwitz", script.Author);
    }

    [Fact]
    public void Scene_map_gives_each_scene_its_first_and_last_page()
    {
        var doc = new DocumentBuilder().Heading("INT. A - DAY").ActionLines(40).Heading("INT. B - DAY").Action("Short.").Build();

        var scenes = Paginator.Paginate(doc).Scenes;

        Assert.Equal([(1, 2), (2, 2)], scenes.Select(s => (s.FirstPage, s.LastPage)));
        Assert.Equal("INT. B - DAY", scenes[1].Heading);
    }

    [Fact]
    public void Random_scripts_keep_every_rule_on_every_page()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 80; round++)
        {
            var doc = RandomScript(random);
            var script = Paginator.Paginate(doc, new PageLayout { Paper = round % 2 == 0 ? PaperSize.Letter : PaperSize.A4 });
            var rows = round % 2 == 0 ? 54 : 58;

            foreach (var page in script.Pages)
            {
                var body = page.Lines.Where(l => l.ElementIndex >= 0 && l.Kind is not (LineKind.SceneNumber or LineKind.RevisionMark)).ToList();
                Assert.NotEmpty(body);
                Assert.All(body, l => Assert.InRange(l.Row, FirstRow, FirstRow + rows - 1));
                Assert.Equal(body.Count, body.Select(l => (l.Row, l.Dual)).Distinct().Count());
                var last = body.Where(l => l.Row == body.Max(b => b.Row)).ToList();
                var nextIsForcedBreak = last.Any(l => l.ElementIndex + 1 < doc.Elements.Length && doc.Elements[l.ElementIndex + 1].Type == ElementType.PageBreak);
                if (page.Number < script.Pages.Length && !nextIsForcedBreak)
                {
                    Assert.DoesNotContain(last, l => l.Kind is LineKind.SceneHeading or LineKind.Character or LineKind.Parenthetical);
                }

                Assert.All(body.Where(l => l.Kind == LineKind.More), more =>
                    Assert.Equal(LineKind.Dialogue, body.Last(l => l.Row < more.Row && l.Dual == more.Dual).Kind));
            }

            // An action paragraph continued on the next page breaks after a sentence, with two lines or more on each side.
            foreach (var split in script.Pages.SelectMany(p => p.Lines.Where(l => l.Kind == LineKind.Action).Select(l => (p.Number, Line: l)))
                         .GroupBy(x => x.Line.ElementIndex).Where(g => g.Select(x => x.Number).Distinct().Count() > 1))
            {
                var firstPage = split.Min(x => x.Number);
                var before = split.Where(x => x.Number == firstPage).ToList();
                Assert.InRange(before.Count, 2, int.MaxValue);
                Assert.InRange(split.Count() - before.Count, 2, int.MaxValue);
                Assert.EndsWith(".", before[^1].Line.Text);
            }

            // Nothing is lost or duplicated: every printed word of every element appears, in order.
            var printed = script.Pages.SelectMany(p => p.Lines)
                .Where(l => l.ElementIndex >= 0 && l.Kind is not (LineKind.More or LineKind.SceneNumber or LineKind.RevisionMark))
                .Where(l => !(l.Kind == LineKind.Character && l.Text.EndsWith("(CONT'D)", StringComparison.Ordinal) && !doc.Elements[l.ElementIndex].Text.EndsWith("(CONT'D)", StringComparison.Ordinal)))
                .GroupBy(l => l.ElementIndex)
                .ToDictionary(g => g.Key, g => Words(string.Join(' ', g.Select(l => l.Text))));
            for (var e = 0; e < doc.Elements.Length; e++)
            {
                if (doc.Elements[e].Type != ElementType.PageBreak)
                {
                    Assert.Equal(Words(doc.Elements[e].Text), printed[e]);
                }
            }
        }
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static Document RandomScript(Random random)
    {
        var builder = new DocumentBuilder();
        var count = random.Next(5, 80);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                    builder.Heading($"INT. PLACE {i} - DAY");
                    break;
                case 1 or 2:
                    builder.Action(Sentences(random, random.Next(1, 12)));
                    break;
                case 3 or 4 or 5:
                    builder.Character($"SPEAKER{random.Next(4)}");
                    if (random.Next(3) == 0)
                    {
                        builder.Parenthetical("(aside)");
                    }

                    builder.Dialogue(Sentences(random, random.Next(1, 25)));
                    if (random.Next(3) == 0)
                    {
                        builder.Parenthetical("(then)").Dialogue(Sentences(random, random.Next(1, 6)));
                    }

                    if (random.Next(6) == 0)
                    {
                        builder.Character("OTHER", dual: true).Dialogue(Sentences(random, random.Next(1, 6)));
                    }

                    break;
                case 6:
                    builder.Transition("CUT TO:");
                    break;
                case 7:
                    builder.ActionLines(random.Next(1, 8), $"Beat{i}");
                    break;
                case 8:
                    builder.Centered("INTERMISSION");
                    break;
                default:
                    if (random.Next(8) == 0)
                    {
                        builder.PageBreak();
                    }
                    else
                    {
                        builder.Lyrics("La la la.\nLa la.");
                    }

                    break;
            }
        }

        return builder.Build();
    }

    private static string Sentences(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(2, 14)).Select(w => Word(random))) + "."));

    private static string Word(Random random) => random.Next(6) switch
    {
        0 => "the",
        1 => "screenplay",
        2 => "a",
        3 => "walks",
        4 => "quietly",
        _ => "extraordinarily",
    };
}
