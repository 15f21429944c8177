using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Revisions;

public sealed class RevisionMarksTests
{
    private static readonly string Feature = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", "feature.fountain"));

    [Fact]
    public void Identical_texts_have_no_changed_ranges() =>
        Assert.Empty(RevisionMarks.ChangedRanges(Feature, Feature));

    [Theory]
    [InlineData("The cat sat.", "The dog sat.", "dog")]
    [InlineData("The cat sat.", "The cat sat down.", " down")]
    [InlineData("A\n\nB\n", "A\n\nNEW\n\nB\n", "NEW\n\n")]
    [InlineData("Hello   world.", "Hello world.", "")]
    public void Changed_ranges_cover_what_was_written_in_the_current_text(string baseline, string current, string expected)
    {
        var ranges = RevisionMarks.ChangedRanges(baseline, current);
        Assert.Equal(expected, string.Concat(ranges.Select(r => current.Substring(r.Start, r.Length))));
    }

    [Fact]
    public void A_deletion_leaves_an_empty_range_where_the_text_was()
    {
        var range = Assert.Single(RevisionMarks.ChangedRanges("Keep this line.\n\nDrop this line.\n\nKeep that one.\n", "Keep this line.\n\nKeep that one.\n"));
        Assert.Equal(new SourceRange(17, 0), range);
    }

    /// <summary>Property: for random word edits, every inserted word is covered and text never edited is not.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_word_edits_are_covered_exactly(int seed)
    {
        var random = new Random(seed);
        var words = Feature.Split(' ', '\n').Where(w => w.Length > 3).Distinct().Take(500).ToArray();
        var current = Feature;
        var inserted = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var at = current.IndexOf(' ', random.Next(current.Length - 10));
            if (at < 0)
            {
                continue;
            }

            var word = " ZQX" + words[random.Next(words.Length)];
            current = current.Insert(at, word);
            inserted = [.. inserted.Select(p => p >= at ? p + word.Length : p), at + 1];
        }

        var ranges = RevisionMarks.ChangedRanges(Feature, current);

        Assert.All(inserted, p => Assert.Contains(ranges, r => r.Start <= p && p < r.End));
        Assert.All(ranges, r => Assert.Contains("ZQX", current.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void One_changed_word_marks_one_printed_line_on_one_page()
    {
        // A long action paragraph wraps over several printed lines; only the one with the edit gets a star.
        var paragraph = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        var baseline = $"INT. ROOM - DAY\n\n{paragraph}\n";
        var current = baseline.Replace("word31", "changed");

        var pages = RevisionMarks.Paginate(baseline, current, headerLabel: "Blue Revision 1/2/2026");

        var page = Assert.Single(pages.Pages);
        var revised = page.Lines.Where(l => l.Revised).ToList();
        Assert.Contains("changed", Assert.Single(revised).Text);
        Assert.Single(page.Lines, l => l.Kind == LineKind.RevisionMark);
        Assert.Contains(page.Lines, l => l.Kind == LineKind.HeaderLabel && l.Text == "Blue Revision 1/2/2026");
        Assert.Equal(new[] { 1 }, RevisionMarks.RevisedPages(pages).AsEnumerable());
    }

    [Fact]
    public void Revised_pages_of_the_feature_are_the_pages_of_the_edited_scenes()
    {
        var draft = FeatureDrafts.Revise(Feature);
        var pages = RevisionMarks.Paginate(Feature, draft.Text);

        var revised = RevisionMarks.RevisedPages(pages);

        var expected = draft.EditOffsets.Select(offset => pages.Pages.First(p => p.Lines.Any(l =>
            l.SourceLength > 0 && l.SourceStart <= offset && offset < l.SourceStart + l.SourceLength)).Number).Distinct().ToList();
        Assert.All(expected, p => Assert.Contains(p, revised));
        Assert.InRange(revised.Length, expected.Count, expected.Count + 2); // + the page where a scene was cut
    }
}

public sealed class TextPatchTests
{
    /// <summary>Property: the patch between any two texts turns the first into the second exactly.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_patch_turns_one_text_into_the_other(int seed)
    {
        var random = new Random(seed);
        var pieces = new[] { "INT. ROOM - DAY", "\n", "\n\n", "Bob", " ", "walks", "in.", "BOB", "(quietly)", "Hi!", "é", "  " };
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
        for (var i = 0; i < 100; i++)
        {
            var (from, to) = (Text(), Text());
            Assert.Equal(to, Screenplay.Fountain.Revisions.TextPatch.ChangeSetBetween(from, to).Apply(from));
        }
    }
}
