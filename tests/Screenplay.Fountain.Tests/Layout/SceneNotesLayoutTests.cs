using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Screenplay.Fountain.Layout;

namespace Screenplay.Fountain.Tests.Layout;

/// <summary>Open notes printed after their scene: part of the page flow, so page breaks and scene pages stay right.</summary>
public sealed class SceneNotesLayoutTests
{
    private const string TwoScenes = """
        INT. KITCHEN - NIGHT

        Anna cooks.

        ANNA
        Dinner.

        EXT. GARDEN - DAY

        Birds.
        """;

    [Fact]
    public void Notes_print_after_the_last_element_of_their_scene_and_before_the_next_heading()
    {
        var layout = new PageLayout
        {
            SceneNotes = [new SceneNotes(0, ["Dana, 3 Mar: Cut the line?", "Lee: " + string.Join(' ', Enumerable.Repeat("longer", 20))])],
        };

        var lines = Paginator.Paginate(Fountain.Parse(TwoScenes), layout).Pages.Single().Lines
            .Where(l => l.Kind is not (LineKind.PageNumber or LineKind.SceneNumber)).OrderBy(l => l.Row).ToList();

        var texts = lines.Select(l => l.Text).ToList();
        var notes = texts.IndexOf("NOTES");
        Assert.True(notes > texts.IndexOf("Dinner."), "the notes come after the scene's dialogue");
        Assert.Equal(notes + 5, texts.IndexOf("EXT. GARDEN - DAY")); // heading, one line + three wrapped lines
        Assert.Equal("- Dana, 3 Mar: Cut the line?", texts[notes + 1]);
        Assert.StartsWith("- Lee: longer", texts[notes + 2], StringComparison.Ordinal);
        var noteLines = lines.Where(l => l.Kind is LineKind.Note or LineKind.NoteHeading).ToList();
        Assert.Equal(5, noteLines.Count);
        Assert.All(noteLines, l => Assert.Equal(-1, l.ElementIndex));
        Assert.All(noteLines, l => Assert.InRange(l.Columns, 1, 50));
        Assert.All(noteLines, l => Assert.InRange(l.X, 2.0 * 72 - 0.01, 2.2 * 72 + 0.01));
        Assert.Equal(2.2 * 72, noteLines[3].X, 3); // a wrapped note hangs under its first word, not under the bullet
        Assert.Equal(lines.First(l => l.Text == "Dinner.").Row + 2, noteLines[0].Row);
    }

    [Fact]
    public void The_last_scene_s_notes_close_the_script_and_unknown_scene_indexes_are_ignored()
    {
        var layout = new PageLayout { SceneNotes = [new SceneNotes(1, ["Birds louder."]), new SceneNotes(7, ["lost"])] };

        var lines = Paginator.Paginate(Fountain.Parse(TwoScenes), layout).Pages.Single().Lines.OrderBy(l => l.Row).ToList();

        Assert.Equal("- Birds louder.", lines[^1].Text);
        Assert.Equal("NOTES", lines[^2].Text);
        Assert.DoesNotContain(lines, l => l.Text.Contains("lost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PaperSize.Letter)]
    [InlineData(PaperSize.A4)]
    public void Long_notes_split_across_pages_by_the_paragraph_rules_and_push_the_following_scenes_on(PaperSize paper)
    {
        // Scenes of varied length with notes of varied length: every page stays within the body, a notes block never
        // leaves fewer than two of its lines on a page, and every scene heading still has something after it.
        var source = new StringBuilder();
        var notes = ImmutableArray.CreateBuilder<SceneNotes>();
        for (var s = 0; s < 30; s++)
        {
            source.Append(CultureInfo.InvariantCulture, $"INT. ROOM {s} - DAY\n\n");
            for (var a = 0; a < s % 5 + 1; a++)
            {
                source.Append(CultureInfo.InvariantCulture, $"Action {s}.{a} goes on for a while so that it wraps onto a second line of the page.\n\n");
            }

            if (s % 3 != 2)
            {
                notes.Add(new SceneNotes(s, [.. Enumerable.Range(0, s % 7 + 1).Select(n => $"Note {s}.{n}: tighten this beat, then check the continuity with the scene before it.")]));
            }
        }

        var document = Fountain.Parse(source.ToString());
        var plain = Paginator.Paginate(document, new PageLayout { Paper = paper });
        var noted = Paginator.Paginate(document, new PageLayout { Paper = paper, SceneNotes = notes.ToImmutable() });

        Assert.True(noted.Pages.Length > plain.Pages.Length);
        var lastBodyRow = 6 + (paper == PaperSize.A4 ? 58 : 54) - 1;
        var printedNotes = 0;
        foreach (var page in noted.Pages)
        {
            var body = page.Lines.Where(l => l.Kind is not (LineKind.PageNumber or LineKind.SceneNumber)).OrderBy(l => l.Row).ToList();
            Assert.All(body, l => Assert.InRange(l.Row, 6, lastBodyRow));
            Assert.NotEqual(LineKind.SceneHeading, body[^1].Kind);
            foreach (var run in Runs(body))
            {
                Assert.True(run.Count >= 2, $"page {page.Number}: a notes run of {run.Count} line");
                printedNotes += run.Count(l => l.Kind == LineKind.NoteHeading);
            }
        }

        Assert.Equal(notes.Count, printedNotes);
        // Each scene's notes sit on its last page or right after it, and scene pages still come in order.
        Assert.Equal(plain.Scenes.Select(s => s.Heading), noted.Scenes.Select(s => s.Heading));
        Assert.True(noted.Scenes.Zip(noted.Scenes.Skip(1)).All(p => p.First.LastPage <= p.Second.FirstPage));
    }

    [Fact]
    public void Without_notes_the_pages_are_exactly_those_of_the_default_layout()
    {
        var document = Fountain.Parse(TwoScenes);
        var plain = Paginator.Paginate(document).Pages.SelectMany(p => p.Lines).Select(l => (l.Kind, l.X, l.Row, l.Text));
        var empty = Paginator.Paginate(document, new PageLayout { SceneNotes = [new SceneNotes(0, ["  ", "\n"])] })
            .Pages.SelectMany(p => p.Lines).Select(l => (l.Kind, l.X, l.Row, l.Text));

        Assert.Equal(plain, empty);
    }

    /// <summary>Runs of note lines on consecutive rows.</summary>
    private static IEnumerable<List<LayoutLine>> Runs(List<LayoutLine> body)
    {
        var run = new List<LayoutLine>();
        foreach (var line in body)
        {
            if (line.Kind is LineKind.Note or LineKind.NoteHeading)
            {
                if (run.Count > 0 && line.Row != run[^1].Row + 1)
                {
                    yield return run;
                    run = [];
                }

                run.Add(line);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
