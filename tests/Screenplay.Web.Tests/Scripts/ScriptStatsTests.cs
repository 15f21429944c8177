using System.Globalization;
using Bunit;
using Screenplay.Fountain.Statistics;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Tests.Scripts;

public sealed class ScriptStatsTests : ComponentTestContext
{
    private const string Text = """
        INT. KITCHEN - NIGHT

        MARA
        One two three four five six.

        JOE
        Seven eight.

        EXT. KITCHEN - DAY

        MARA
        Nine ten.

        INT. GARAGE - NIGHT

        Nothing.
        """;

    [Fact]
    public void Dialogue_bars_are_proportional_to_each_characters_share_of_words()
    {
        var stats = ScriptStatistics.Compute(Fountain.Fountain.Parse(Text), 125);
        var panel = Render<ScriptStats>(p => p.Add(c => c.Statistics, stats));

        Assert.Equal("125", panel.Find("[data-stat=pages]").TextContent);
        Assert.Equal("3", panel.Find("[data-stat=scenes]").TextContent);
        Assert.Equal("≈ 2 h 5 min", panel.Find("[data-stat=runtime]").TextContent);

        double Width(string name) => double.Parse(panel.Find($"g[data-character='{name}'] rect").GetAttribute("width")!, CultureInfo.InvariantCulture);
        // MARA speaks 8 of 10 dialogue words, JOE 2: 80 % and 20 % of the 140-unit scale.
        Assert.Equal(112, Width("MARA"), 1);
        Assert.Equal(28, Width("JOE"), 1);
        Assert.Equal(["MARA", "JOE"], panel.FindAll("g[data-character]").Select(g => g.GetAttribute("data-character")));
        Assert.Equal("80 %", panel.Find("g[data-character='MARA'] .share").TextContent);

        var locations = panel.FindAll(".locations li").Select(li => li.TextContent).ToList();
        Assert.Equal(["KITCHEN 2 scenes", "GARAGE 1 scene"], locations);
    }

    [Fact]
    public void A_script_without_dialogue_says_so_instead_of_drawing_an_empty_chart()
    {
        var stats = ScriptStatistics.Compute(Fountain.Fountain.Parse("Just action."), 1);
        var panel = Render<ScriptStats>(p => p.Add(c => c.Statistics, stats));
        Assert.Empty(panel.FindAll("svg"));
        Assert.Equal("Nobody speaks yet.", panel.Find(".script-stats .empty").TextContent);
        Assert.Equal("≈ 1 min", panel.Find("[data-stat=runtime]").TextContent);
    }
}
