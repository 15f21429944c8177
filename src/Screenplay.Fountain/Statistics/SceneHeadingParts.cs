namespace Screenplay.Fountain.Statistics;

internal enum Setting
{
    Unspecified,
    Interior,
    Exterior,
    Both,
}

/// <summary>
/// A scene heading taken apart: <c>INT. HOUSE - KITCHEN - NIGHT</c> is interior, location <c>HOUSE - KITCHEN</c>,
/// time <c>NIGHT</c>. The last dash-separated part is the time of day only when it reads as one, so
/// <c>EXT. FARM - BARN</c> keeps <c>FARM - BARN</c> as its location.
/// </summary>
internal sealed record SceneHeadingParts(Setting Setting, string Location, string? TimeOfDay)
{
    private static readonly (string Prefix, Setting Setting)[] Prefixes =
    [
        ("INT./EXT.", Setting.Both), ("INT./EXT", Setting.Both), ("INT/EXT.", Setting.Both), ("INT/EXT", Setting.Both),
        ("EXT./INT.", Setting.Both), ("EXT/INT", Setting.Both), ("I/E.", Setting.Both), ("I/E", Setting.Both),
        ("INT.", Setting.Interior), ("INT", Setting.Interior),
        ("EXT.", Setting.Exterior), ("EXT", Setting.Exterior), ("EST.", Setting.Exterior), ("EST", Setting.Exterior),
    ];

    private static readonly HashSet<string> Times =
    [
        "DAY", "NIGHT", "MORNING", "AFTERNOON", "EVENING", "DAWN", "DUSK", "SUNRISE", "SUNSET", "NOON", "MIDNIGHT",
        "TWILIGHT", "MAGIC HOUR", "CONTINUOUS", "LATER", "MOMENTS LATER", "A MOMENT LATER", "SAME", "SAME TIME",
        "SIMULTANEOUS",
    ];

    private static readonly string[] Dashes = [" - ", " – ", " — ", " -- "];

    public static SceneHeadingParts Parse(string heading)
    {
        var text = heading.Trim().ToUpperInvariant();
        var setting = Setting.Unspecified;
        foreach (var (prefix, kind) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && (text.Length == prefix.Length || text[prefix.Length] is ' ' or '.' || prefix.EndsWith('.')))
            {
                setting = kind;
                text = text[prefix.Length..].TrimStart('.', ' ');
                break;
            }
        }

        var parts = text.Split(Dashes, StringSplitOptions.None).Select(p => p.Trim()).ToList();
        string? time = null;
        if (parts.Count > 1 && IsTime(parts[^1]))
        {
            time = parts[^1];
            parts.RemoveAt(parts.Count - 1);
        }

        var location = string.Join(" - ", parts).Trim();
        return new SceneHeadingParts(setting, location.Length == 0 ? "(no location)" : location, time);
    }

    /// <summary>
    /// The word that says when in a time written with more beside it: a year or note in brackets
    /// (<c>NIGHT (1973)</c>, <c>DAY [LATER]</c>) and what follows a slash (<c>DAY / DRIVING</c>) are left out, and of
    /// the words left the last one counts (<c>LATE NIGHT</c>, <c>EARLY MORNING</c>).
    /// </summary>
    internal static string? TimeWord(string? time)
    {
        if (time is null)
        {
            return null;
        }

        var cut = time.IndexOfAny(['(', '[', '/']);
        var words = (cut < 0 ? time : time[..cut]).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? null : words[^1];
    }

    private static bool IsTime(string part) =>
        Times.Contains(part)
        || (TimeWord(part) is { } word && Times.Contains(word))
        || part.StartsWith("DAY ", StringComparison.Ordinal)
        || part.StartsWith("NIGHT ", StringComparison.Ordinal)
        || (part.StartsWith('(') && part.EndsWith(')') && Times.Contains(part[1..^1].Trim()));
}
