using System.Collections.Immutable;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Statistics;

/// <summary>
/// Figures about a script for the writer and the production: length, scenes, who speaks how much, where and when
/// scenes are set. <see cref="EstimatedRuntime"/> follows the industry rule of thumb of one page per minute of screen
/// time.
/// </summary>
public sealed record ScriptStatistics(
    int Pages,
    int Scenes,
    TimeSpan EstimatedRuntime,
    ImmutableArray<CharacterDialogue> Characters,
    ImmutableArray<LocationCount> Locations,
    SettingSplit Settings,
    TimeOfDaySplit TimesOfDay)
{
    /// <summary>
    /// Statistics of <paramref name="document"/>, its pages counted by the paginator on <paramref name="layout"/>
    /// (US Letter by default; the title page is not counted).
    /// </summary>
    public static ScriptStatistics Compute(Document document, PageLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pages = Paginator.Paginate(document, (layout ?? PageLayout.Default) with { IncludeTitlePage = false }).Pages.Length;
        return Compute(document, pages);
    }

    /// <summary>
    /// Statistics of <paramref name="document"/> printed on <paramref name="pageCount"/> pages (the paginator's count
    /// for the chosen paper; title page not included).
    /// </summary>
    public static ScriptStatistics Compute(Document document, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(pageCount);
        var headings = document.Elements.Where(e => e.Type == ElementType.SceneHeading).Select(e => SceneHeadingParts.Parse(e.Text)).ToList();
        return new ScriptStatistics(
            pageCount,
            headings.Count,
            TimeSpan.FromMinutes(pageCount),
            DialogueCounter.Count(document.Elements),
            [.. headings
                .GroupBy(h => h.Location, StringComparer.Ordinal)
                .Select(g => new LocationCount(g.Key, g.Count()))
                .OrderByDescending(l => l.Scenes)
                .ThenBy(l => l.Location, StringComparer.Ordinal)],
            SettingSplit.Of(headings),
            TimeOfDaySplit.Of(headings));
    }
}

/// <summary>
/// How much one character speaks: speeches (cues), dialogue lines as written, words, and the character's share of all
/// dialogue words and of all dialogue lines (each 0..1; they differ when one speaks in short lines and another in long ones). Names are counted without extensions, so <c>BRICK (V.O.)</c> and <c>BRICK</c> are one character.
/// </summary>
public sealed record CharacterDialogue(string Name, int Speeches, int Lines, int Words, double WordShare, double LineShare);

/// <summary>A location (the heading without INT/EXT and time of day) and how many scenes are set there.</summary>
public sealed record LocationCount(string Location, int Scenes);

/// <summary>Scenes by setting: interior, exterior (EXT and EST), both (INT./EXT, I/E), or a heading without prefix.</summary>
public sealed record SettingSplit(int Interior, int Exterior, int Both, int Unspecified)
{
    internal static SettingSplit Of(IReadOnlyCollection<SceneHeadingParts> headings) => new(
        headings.Count(h => h.Setting == Setting.Interior),
        headings.Count(h => h.Setting == Setting.Exterior),
        headings.Count(h => h.Setting == Setting.Both),
        headings.Count(h => h.Setting == Setting.Unspecified));
}

/// <summary>
/// Scenes by time of day. <see cref="Day"/> counts DAY, MORNING, AFTERNOON, NOON, SUNRISE; <see cref="Night"/> counts
/// NIGHT, EVENING, MIDNIGHT (also with a year, note or qualifier beside them: <c>NIGHT (1973)</c>, <c>DAY / DRIVING</c>,
/// <c>LATE NIGHT</c>); <see cref="Other"/> the rest (DAWN, DUSK, CONTINUOUS, LATER... or none written).
/// <see cref="ByName"/> has the count for each time as written, most frequent first.
/// </summary>
public sealed record TimeOfDaySplit(int Day, int Night, int Other, ImmutableArray<TimeOfDayCount> ByName)
{
    private static readonly HashSet<string> DayTimes = ["DAY", "MORNING", "AFTERNOON", "NOON", "SUNRISE"];
    private static readonly HashSet<string> NightTimes = ["NIGHT", "EVENING", "MIDNIGHT"];

    internal static TimeOfDaySplit Of(IReadOnlyCollection<SceneHeadingParts> headings)
    {
        var day = headings.Count(h => SceneHeadingParts.TimeWord(h.TimeOfDay) is { } t && DayTimes.Contains(t));
        var night = headings.Count(h => SceneHeadingParts.TimeWord(h.TimeOfDay) is { } t && NightTimes.Contains(t));
        return new TimeOfDaySplit(
            day,
            night,
            headings.Count - day - night,
            [.. headings
                .Where(h => h.TimeOfDay is not null)
                .GroupBy(h => h.TimeOfDay!, StringComparer.Ordinal)
                .Select(g => new TimeOfDayCount(g.Key, g.Count()))
                .OrderByDescending(t => t.Scenes)
                .ThenBy(t => t.TimeOfDay, StringComparer.Ordinal)]);
    }
}

public sealed record TimeOfDayCount(string TimeOfDay, int Scenes);
