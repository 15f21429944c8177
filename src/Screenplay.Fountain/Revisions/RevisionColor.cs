using System.Collections.Immutable;

namespace Screenplay.Fountain.Revisions;

/// <summary>
/// A colour of the production revision sequence. <see cref="Index"/> 0 is the white original; the nine colours
/// then repeat in rounds: index 9 is Double White, 18 Triple White, and so on.
/// </summary>
public sealed record RevisionColor(int Index, string Name, string Hex)
{
    /// <summary>The round: 1 for the first nine colours, 2 for the "Double" ones...</summary>
    public int Round => Index / RevisionColors.Base.Length + 1;

    public RevisionColor Next => RevisionColors.At(Index + 1);

    public override string ToString() => Name;
}

/// <summary>
/// The industry (WGA/Final Draft) order of revision page colours: White, Blue, Pink, Yellow, Green, Goldenrod, Buff,
/// Salmon, Cherry, then the same again as Double White, Double Blue..., then Triple White...
/// </summary>
public static class RevisionColors
{
    /// <summary>The nine colours of one round with a paper-like tint for screens (the printed page stays white).</summary>
    public static ImmutableArray<(string Name, string Hex)> Base { get; } =
    [
        ("White", "#FFFFFF"),
        ("Blue", "#A9CCF2"),
        ("Pink", "#F7C4D4"),
        ("Yellow", "#FFF3A0"),
        ("Green", "#BDE8B5"),
        ("Goldenrod", "#F0C75E"),
        ("Buff", "#F0DEB4"),
        ("Salmon", "#F8AE94"),
        ("Cherry", "#E46A7C"),
    ];

    private static readonly string[] RoundPrefixes = ["", "Double ", "Triple ", "Quadruple ", "Quintuple "];

    public static RevisionColor White => At(0);

    /// <summary>The colour at <paramref name="index"/> of the sequence (0 = White, 1 = Blue, ..., 9 = Double White).</summary>
    public static RevisionColor At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var (name, hex) = Base[index % Base.Length];
        var round = index / Base.Length;
        var prefix = round < RoundPrefixes.Length ? RoundPrefixes[round] : $"{round + 1}x ";
        return new RevisionColor(index, prefix + name, hex);
    }

    /// <summary>The colour named <paramref name="name"/> ("blue", "Double Pink", case-insensitive), or null.</summary>
    public static RevisionColor? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        for (var round = 0; round < RoundPrefixes.Length; round++)
        {
            for (var i = 0; i < Base.Length; i++)
            {
                if (string.Equals(RoundPrefixes[round] + Base[i].Name, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return At(round * Base.Length + i);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The header label of a revised page, e.g. <c>Blue Revision (Blue) 11/23/2026</c>; the colour is left out when the
    /// label already says it.
    /// </summary>
    public static string HeaderLabel(string label, RevisionColor color, DateOnly date)
    {
        var text = string.IsNullOrWhiteSpace(label) ? $"{color.Name} Revision" : label.Trim();
        var withColor = text.Contains(color.Name, StringComparison.OrdinalIgnoreCase) ? text : $"{text} ({color.Name})";
        return $"{withColor} {date.Month}/{date.Day}/{date.Year}";
    }
}
