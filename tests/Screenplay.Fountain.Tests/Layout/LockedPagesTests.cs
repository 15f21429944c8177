using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Layout;

/// <summary>
/// Locked pages (docs/screenplay-format.md, "Locked pages"): a revised draft keeps the locked draft's page numbers;
/// text that overflows a locked page goes to A-pages, a locked page whose text was all cut is numbered with the
/// page before ("12-13"), and every page the revision did not touch prints exactly as it did.
/// </summary>
public sealed class LockedPagesTests
{
    private static readonly string Feature = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", "feature.fountain"));

    private static readonly string Longer = "INT. LIGHTHOUSE - NIGHT\n\n" + string.Concat(Enumerable.Range(0, 30).Select(i =>
        $"Added paragraph {i}: the keeper climbs the spiral stairs again, counting every step out loud as the storm builds.\n\n"));

    [Fact]
    public void Locking_a_text_and_paginating_it_unchanged_gives_the_same_pages_numbered_one_to_n()
    {
        var plain = Paginate(Feature, null);
        var locked = Paginate(Feature, RevisionMarks.LockPages(Feature));

        Assert.True(plain.Pages.Length > 100);
        Assert.Equal(plain.Pages.Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), locked.Pages.Select(p => p.PrintedNumber));
        Assert.All(plain.Pages.Zip(locked.Pages), pair => Assert.Equal(Texts(pair.First), Texts(pair.Second)));
    }

    /// <summary>Property: the same holds for random scripts full of split speeches, transitions, dual dialogue and forced breaks.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Random_scripts_locked_and_unchanged_print_exactly_as_before(int seed)
    {
        var text = RandomScript(new Random(seed));
        var plain = Paginate(text, null);
        var locked = Paginate(text, RevisionMarks.LockPages(text));

        Assert.Contains(plain.Pages.SelectMany(p => p.Lines), l => l.Kind == LineKind.More); // speeches split over pages
        Assert.Equal(plain.Pages.Length, locked.Pages.Length);
        Assert.All(locked.Pages, p => Assert.Equal(p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), p.PrintedNumber));
        Assert.All(plain.Pages.Zip(locked.Pages), pair => Assert.Equal(Texts(pair.First), Texts(pair.Second)));
    }

    [Fact]
    public void Text_that_overflows_a_locked_page_goes_to_its_A_pages_and_later_pages_keep_number_and_text()
    {
        var baseline = Paginate(Feature, null);
        var at = FirstTextOf(baseline.Pages[9]); // a paragraph start on page 10 (or the end of page 9's last line)
        var revised = Feature.Insert(ParagraphStartAtOrAfter(Feature, at), Longer);

        var pages = RevisionMarks.Paginate(Feature, revised, PageLayout.Default, lockedPages: RevisionMarks.LockPages(Feature)).Pages;

        var numbers = pages.Select(p => p.PrintedNumber).ToList();
        Assert.Equal(["9", "10", "10A", "10B", "11", "12"], numbers.Skip(8).Take(6));
        Assert.Equal(baseline.Pages.Length + 2, pages.Length);
        Assert.Contains(pages[10].Lines, l => l.Kind == LineKind.PageNumber && l.Text == "10A.");
        // Every locked page after the insertion prints the same text as before, under the same number.
        foreach (var page in pages.Skip(12))
        {
            var before = baseline.Pages[int.Parse(page.PrintedNumber, System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.Equal(Texts(before), Texts(page));
        }

        // Page 10 now opens with the insertion (every line marked); its old text follows on the A-pages, and its
        // last line is the last line before page 11 as it was.
        Assert.All(pages[9].Lines.Where(l => l.Kind == LineKind.Action), l => Assert.True(l.Revised, l.Text));
        Assert.Equal(Texts(baseline.Pages[9])[^1].Split(':', 2)[1], Texts(pages[11])[^1].Split(':', 2)[1]);
    }

    [Fact]
    public void A_locked_page_whose_text_was_all_cut_is_numbered_with_the_page_before()
    {
        var baseline = Paginate(Feature, null);
        // Cut exactly the text printed on pages 20 and 21, from a paragraph start to a paragraph start.
        var from = ParagraphStartAtOrAfter(Feature, FirstTextOf(baseline.Pages[19]));
        var to = ParagraphStartAtOrAfter(Feature, FirstTextOf(baseline.Pages[21]));
        var revised = Feature.Remove(from, to - from);

        var pages = RevisionMarks.Paginate(Feature, revised, PageLayout.Default, lockedPages: RevisionMarks.LockPages(Feature)).Pages;

        var numbers = pages.Select(p => p.PrintedNumber).ToList();
        Assert.Contains(numbers, n => n.EndsWith("-21", StringComparison.Ordinal));
        Assert.DoesNotContain("20", numbers);
        Assert.DoesNotContain("21", numbers);
        Assert.Equal(Texts(baseline.Pages[22]), Texts(pages.Single(p => p.PrintedNumber == "23")));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void When_the_last_pages_are_cut_the_last_page_stands_for_them_and_an_empty_script_for_all()
    {
        var baseline = Paginate(Feature, null);
        var cutFrom = ParagraphStartAtOrAfter(Feature, FirstTextOf(baseline.Pages[^3]));
        var locked = RevisionMarks.LockPages(Feature);

        var shortened = RevisionMarks.Paginate(Feature, Feature[..cutFrom], PageLayout.Default, lockedPages: locked).Pages;
        var emptied = RevisionMarks.Paginate(Feature, "", PageLayout.Default, lockedPages: locked).Pages;

        Assert.EndsWith($"-{baseline.Pages.Length}", shortened[^1].PrintedNumber, StringComparison.Ordinal);
        Assert.Equal($"1-{baseline.Pages.Length}", Assert.Single(emptied).PrintedNumber);
    }

    [Theory]
    [InlineData(12, 0, 12, "12")]
    [InlineData(12, 1, 12, "12A")]
    [InlineData(12, 26, 12, "12Z")]
    [InlineData(12, 27, 12, "12AA")]
    [InlineData(12, 0, 13, "12-13")]
    [InlineData(12, 2, 14, "12B-14")]
    public void Page_numbers_read_as_printed(int first, int letter, int through, string expected) =>
        Assert.Equal(expected, new PageNumbering(first, letter, through).ToString());

    [Fact]
    public void Locked_ends_out_of_order_are_refused() =>
        Assert.Throws<ArgumentException>(() => new LockedPages([10, 5]));

    private static string RandomScript(Random random)
    {
        string[] words = ["the", "light", "falls", "across", "a", "table", "where", "Mr.", "Vale", "waits", "quietly", "again"];
        string Sentences(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ =>
            char.ToUpperInvariant(words[random.Next(words.Length)][0]) + string.Join(' ', Enumerable.Range(0, 3 + random.Next(12)).Select(_ => words[random.Next(words.Length)]))[1..] + "."));
        var text = new System.Text.StringBuilder("Title: Random\n\n");
        for (var scene = 0; scene < 40; scene++)
        {
            text.Append($"INT. ROOM {scene} - DAY\n\n");
            for (var block = 0; block < 2 + random.Next(6); block++)
            {
                switch (random.Next(8))
                {
                    case 0 or 1 or 2:
                        text.Append(Sentences(1 + random.Next(10))).Append("\n\n");
                        break;
                    case 3 or 4:
                        text.Append("MARGOT\n(softly)\n").Append(Sentences(1 + random.Next(30))).Append("\n\n");
                        break;
                    case 5:
                        text.Append("BRICK\n").Append(Sentences(2)).Append("\n\nSTEEL ^\n").Append(Sentences(3)).Append("\n\n");
                        break;
                    case 6:
                        text.Append(Sentences(2)).Append("\n\nCUT TO:\n\n");
                        break;
                    default:
                        text.Append(random.Next(4) == 0 ? "===\n\n" : "> THE END OF SOMETHING <\n\n");
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static PaginatedScript Paginate(string text, LockedPages? locked) =>
        Paginator.Paginate(Fountain.Parse(text), PageLayout.Default with { LockedPages = locked });

    private static List<string> Texts(Page page) =>
        [.. page.Lines.Where(l => l.Kind is not (LineKind.PageNumber or LineKind.RevisionMark or LineKind.HeaderLabel)).Select(l => $"{l.Row}:{l.Text}")];

    /// <summary>Where the text of page <paramref name="page"/> starts: the end of the page before (a repeated CONT'D cue is not its text).</summary>
    private static int FirstTextOf(Page page) => page.Number == 1 ? 0 : RevisionMarks.LockPages(Feature).Ends[page.Number - 2];

    /// <summary>The start of the first paragraph (a line after a blank line) at or after <paramref name="offset"/>.</summary>
    private static int ParagraphStartAtOrAfter(string text, int offset)
    {
        if (offset > 1 && text[offset - 1] == '\n' && text[offset - 2] == '\n') return offset;
        return text.IndexOf("\n\n", offset, StringComparison.Ordinal) + 2;
    }
}
