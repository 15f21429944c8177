using Screenplay.Fountain.Statistics;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Statistics;

public sealed class ScriptStatisticsTests
{
    private static Element E(ElementType type, string text) => new(type, text, default);

    private static Document Script(params Element[] elements) => new("", [], [.. elements], [], []);

    [Fact]
    public void Dialogue_is_counted_per_character_across_extensions_dual_cues_and_parentheticals_with_its_share_of_lines_and_words()
    {
        var document = Script(
            E(ElementType.SceneHeading, "INT. KITCHEN - DAY"),
            E(ElementType.Character, "ANNA"),
            E(ElementType.Dialogue, "Pass\nthe salt."),
            E(ElementType.Character, "BEN (O.S.)"),
            E(ElementType.Parenthetical, "(from the hall, shouting loudly)"),
            E(ElementType.Dialogue, "Get it yourself —\nI'm busy."),
            E(ElementType.Action, "Anna sighs. Many words here that are not dialogue at all."),
            E(ElementType.Character, "ANNA (CONT'D)"),
            E(ElementType.Dialogue, "Fine.") with { Runs = [new("Fine.", Emphasis.Bold)] },
            E(ElementType.Character, "BEN") with { Dual = true },
            E(ElementType.Dialogue, "Thanks."));

        var stats = ScriptStatistics.Compute(document, pageCount: 1);

        Assert.Equal(
            [new CharacterDialogue("BEN", 2, 3, 6, 0.6, 0.5), new CharacterDialogue("ANNA", 2, 3, 4, 0.4, 0.5)],
            stats.Characters.ToArray());
    }

    [Fact]
    public void Scenes_are_split_by_location_setting_and_time_of_day()
    {
        var document = Script(
            E(ElementType.SceneHeading, "INT. HOUSE - KITCHEN - DAY"),
            E(ElementType.SceneHeading, "int. house - kitchen - night"),
            E(ElementType.SceneHeading, "EXT. FARM - BARN"),
            E(ElementType.SceneHeading, "INT./EXT. CAR - MOVING - DUSK"),
            E(ElementType.SceneHeading, "I/E TRAIN - CONTINUOUS"),
            E(ElementType.SceneHeading, "EST. CITY SKYLINE - MORNING"),
            E(ElementType.SceneHeading, "THE VOID"),
            E(ElementType.Action, "INT. NOT A HEADING - DAY"));

        var stats = ScriptStatistics.Compute(document, pageCount: 3);

        Assert.Equal(7, stats.Scenes);
        Assert.Equal(
            [new LocationCount("HOUSE - KITCHEN", 2), new LocationCount("CAR - MOVING", 1), new LocationCount("CITY SKYLINE", 1),
             new LocationCount("FARM - BARN", 1), new LocationCount("THE VOID", 1), new LocationCount("TRAIN", 1)],
            stats.Locations.ToArray());
        Assert.Equal(new SettingSplit(Interior: 2, Exterior: 2, Both: 2, Unspecified: 1), stats.Settings);
        Assert.Equal((2, 1, 4), (stats.TimesOfDay.Day, stats.TimesOfDay.Night, stats.TimesOfDay.Other));
        Assert.Equal(
            ["CONTINUOUS:1", "DAY:1", "DUSK:1", "MORNING:1", "NIGHT:1"],
            stats.TimesOfDay.ByName.Select(t => $"{t.TimeOfDay}:{t.Scenes}"));
    }

    [Theory]
    [InlineData("INT. HOUSE - NIGHT (1973)", "night")]
    [InlineData("EXT. CAMP - DAY [LATER]", "day")]
    [InlineData("EXT. ROAD - DAY / DRIVING", "day")]
    [InlineData("INT. BAR - NIGHT / LATER", "night")]
    [InlineData("INT. BAR - LATE NIGHT", "night")]
    [InlineData("INT. KITCHEN - EARLY MORNING", "day")]
    [InlineData("INT. KITCHEN - CONTINUOUS", "other")]
    [InlineData("EXT. FIELD - MAGIC HOUR", "other")]
    public void Time_of_day_counts_as_day_or_night_with_a_year_a_note_or_a_qualifier_written_beside_it(string heading, string expected)
    {
        var times = ScriptStatistics.Compute(Script(E(ElementType.SceneHeading, heading)), pageCount: 1).TimesOfDay;

        var counted = (times.Day, times.Night, times.Other) switch
        {
            (1, 0, 0) => "day",
            (0, 1, 0) => "night",
            (0, 0, 1) => "other",
            var t => t.ToString(),
        };
        Assert.Equal(expected, counted);
    }

    [Fact]
    public void Runtime_is_estimated_at_one_minute_per_page()
    {
        var stats = ScriptStatistics.Compute(Script(), pageCount: 118);

        Assert.Equal(118, stats.Pages);
        Assert.Equal(TimeSpan.FromMinutes(118), stats.EstimatedRuntime);
        Assert.Empty(stats.Characters);
    }
}
