using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Layout;

/// <summary>Pagination of parsed Fountain: source ranges on printed lines must survive markup, notes and wrapping.</summary>
public sealed class PaginatorParsedTests
{
    [Fact]
    public void Revision_marks_find_the_printed_line_of_a_change_behind_emphasis_and_notes()
    {
        const string source = """
            INT. LAB - NIGHT

            DR. VOSS
            (to herself)
            The *first* sample is clean. [[check this]] The second sample is **not** clean. The third one is the one we need to look at twice.
            """;
        var document = Fountain.Parse(source);
        var target = source.IndexOf("third", StringComparison.Ordinal);

        var lines = Paginator.Paginate(document, new PageLayout { Revisions = [new SourceRange(target, 5)] }).Pages[0].Lines;

        var revised = Assert.Single(lines, l => l.Revised);
        Assert.Contains("third", revised.Text, StringComparison.Ordinal);
        Assert.Equal(LineKind.Dialogue, revised.Kind);
        Assert.InRange(target, revised.SourceStart, revised.SourceStart + revised.SourceLength);
        Assert.Single(lines, l => l.Kind == LineKind.RevisionMark && l.Row == revised.Row);
        Assert.Contains(lines, l => l.Text.Contains("first", StringComparison.Ordinal) && l.Runs.Any(r => r.Text == "first" && r.Emphasis == Emphasis.Italic));
    }

    [Fact]
    public void Parsed_dual_dialogue_and_forced_breaks_lay_out_as_written()
    {
        const string source = """
            EXT. PATIO - DAY

            STEEL
            Screw retirement.

            BRICK ^
            Screw retirement.

            SMASH CUT TO:

            ===

            INT. TRAILER - DAY

            Beer everywhere.
            """;

        var script = Paginator.Paginate(Fountain.Parse(source), new PageLayout { SceneNumbers = true });

        Assert.Equal(2, script.Pages.Length);
        var first = script.Pages[0].Lines;
        Assert.Equal(first.Single(l => l.Text == "STEEL").Row, first.Single(l => l.Text == "BRICK").Row);
        Assert.Equal(LineKind.Transition, first.Last(l => l.ElementIndex >= 0).Kind);
        Assert.Equal([(1, 1), (2, 2)], script.Scenes.Select(s => (s.FirstPage, s.LastPage)));
        Assert.Contains(script.Pages[1].Lines, l => l.Kind == LineKind.SceneNumber && l.Text == "2");
    }
}
