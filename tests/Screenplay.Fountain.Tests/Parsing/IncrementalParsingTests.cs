using System.Text;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Parsing;

/// <summary>Property: after any sequence of edits, <see cref="Fountain.Reparse"/> equals a full parse of the same text.</summary>
public sealed class IncrementalParsingTests
{
    // Fragments that change how paragraphs, masks, cues and the title page are read.
    private static readonly string[] Fragments =
    [
        "\n", "\n\n", "\r\n", "^", "#", "##", ":", "Title: X\n", "  ", "\t", " ", "INT. ", ".",
        "@", "!", "~", ">", "<", "=", "===", "(", ")", "BOB\n", "MARGO", "a", "Z", "*", "**", "_", "\\", "#1A#",
        "CUT TO:", "\n  \n", "\uFEFF", "x\n\nINT. HOUSE - DAY\n\n",
    ];

    private static readonly string[] MaskMarkers = ["/*", "*/", "[[", "]]", "[[note]]", "/* bone */"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Reparse_equals_a_full_parse_over_random_edits(int seed)
    {
        // Short chains from a fresh script, so edits mostly land in ordinary text rather than in accumulated garbage.
        var random = new Random(seed);
        var original = Fountain.Parse(TestScripts.Mixed());
        for (int chain = 0; chain < 40; chain++)
        {
            var doc = original;
            for (int step = 0; step < 40; step++)
            {
                var change = RandomChange(random, doc.Source);
                var incremental = Fountain.Reparse(doc, change);
                var full = Fountain.Parse(change.ApplyTo(doc.Source));
                var difference = DocumentComparer.FirstDifference(full, incremental);
                Assert.True(difference is null, $"seed {seed} chain {chain} step {step} change {Describe(change)}: {difference}");
                doc = incremental;
            }
        }
    }

    [Fact]
    public void Reparse_of_a_keystroke_in_the_feature_equals_a_full_parse()
    {
        var doc = Fountain.Parse(TestScripts.Feature());
        var random = new Random(7);
        for (int step = 0; step < 40; step++)
        {
            var change = RandomChange(random, doc.Source);
            doc = Fountain.Reparse(doc, change);
            Assert.Null(DocumentComparer.FirstDifference(Fountain.Parse(doc.Source), doc));
        }
    }

    [Fact]
    public void A_keystroke_in_the_middle_reuses_every_element_before_its_paragraph()
    {
        var doc = Fountain.Parse(TestScripts.Feature());
        int middle = doc.Elements.Length / 2;
        var target = doc.Elements[middle];
        var edited = Fountain.Reparse(doc, new TextChange(target.Span.Start + 1, 0, "x"));
        for (int i = 0; i < middle - 1; i++)
        {
            Assert.Same(doc.Elements[i], edited.Elements[i]);
        }

        Assert.Equal(doc.Elements[^1].Span.Start + 1, edited.Elements[^1].Span.Start);
        Assert.Null(DocumentComparer.FirstDifference(Fountain.Parse(edited.Source), edited));
    }

    [Fact]
    public void Typing_a_closing_boneyard_marker_far_below_hides_the_text_between()
    {
        var doc = Fountain.Parse("Before.\n\n/* opened\n\nINT. HOUSE - DAY\n\nMiddle.\n\nEnd.\n");
        Assert.Contains(doc.Elements, e => e.Type == ElementType.SceneHeading);
        int at = doc.Source.IndexOf("End.", StringComparison.Ordinal);
        var closed = Fountain.Reparse(doc, new TextChange(at, 0, "*/ "));
        Assert.DoesNotContain(closed.Elements, e => e.Type == ElementType.SceneHeading);
        Assert.Null(DocumentComparer.FirstDifference(Fountain.Parse(closed.Source), closed));
    }

    [Fact]
    public void Deleting_the_blank_line_under_the_title_page_joins_the_next_paragraph_to_it()
    {
        var doc = Fountain.Parse("Title: A\nAuthor: B\n\nNot: a key\n\nAction.\n");
        int blank = doc.Source.IndexOf("\n\n", StringComparison.Ordinal);
        var joined = Fountain.Reparse(doc, new TextChange(blank, 1, string.Empty));
        Assert.Equal(["Title", "Author", "Not"], joined.TitlePage.Select(t => t.Key));
        Assert.Null(DocumentComparer.FirstDifference(Fountain.Parse(joined.Source), joined));
    }

    [Fact]
    public void Reparse_of_a_document_the_parser_did_not_make_parses_the_whole_new_text()
    {
        var handMade = new Document("INT. HOUSE - DAY\n\n[[note]] Action.\n", [], [], [], []);
        var reparsed = Fountain.Reparse(handMade, new TextChange(0, 0, "x"));
        Assert.Null(DocumentComparer.FirstDifference(Fountain.Parse(reparsed.Source), reparsed));
        Assert.Single(reparsed.Notes);
    }

    [Fact]
    public void Reparse_rejects_a_change_outside_the_text()
    {
        var doc = Fountain.Parse("Action.");
        Assert.Throws<ArgumentOutOfRangeException>(() => Fountain.Reparse(doc, new TextChange(5, 10, "x")));
    }

    private static TextChange RandomChange(Random random, string text)
    {
        int offset = random.Next(text.Length + 1);
        int roll = random.Next(10);
        int removed = roll < 4 ? 0 : Math.Min(text.Length - offset, roll < 8 ? random.Next(1, 4) : random.Next(1, 60));
        string inserted = roll is >= 4 and < 6 ? string.Empty : Insertion(random);
        return new TextChange(offset, removed, inserted);
    }

    private static string Insertion(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(1, 4);
        for (int i = 0; i < n; i++)
        {
            // Mostly plain typing; a mask marker in about one insertion out of ten.
            sb.Append(random.Next(10) == 0 ? MaskMarkers[random.Next(MaskMarkers.Length)] : Fragments[random.Next(Fragments.Length)]);
        }

        return sb.ToString();
    }

    private static string Describe(TextChange c) => $"({c.Offset}, -{c.RemovedLength}, +\"{c.Inserted.Replace("\n", "\\n").Replace("\r", "\\r")}\")";
}
