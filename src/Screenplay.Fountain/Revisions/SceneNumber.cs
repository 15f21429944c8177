namespace Screenplay.Fountain.Revisions;

/// <summary>
/// The lettering of scenes inserted into a locked script (see docs/production-drafts.md): after 12 comes 12A, then
/// 12B ... 12Z; between 12A and 12B comes 12AA; before the first scene (1) come A1, B1... A number is a base (digits,
/// or anything a production used) and a suffix of capital letters; within one base, suffixes sort as strings with
/// the empty suffix first (12 &lt; 12A &lt; 12AA &lt; 12AB &lt; 12B &lt; 13).
/// </summary>
public static class SceneNumber
{
    /// <summary>
    /// The number for a scene inserted after <paramref name="previous"/> (null: before every numbered scene) and before
    /// <paramref name="following"/> (null: at the end), not in <paramref name="taken"/> (numbers in use or retired).
    /// </summary>
    public static string Between(string? previous, string? following, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        if (previous is null)
        {
            return Before(following ?? "1", taken);
        }

        var (baseNumber, suffix) = Split(previous);

        // 12A -> 12B (the next letter), when it still sorts before the following scene.
        if (suffix.Length > 0)
        {
            for (var letter = (char)(suffix[^1] + 1); letter <= 'Z'; letter++)
            {
                var candidate = baseNumber + suffix[..^1] + letter;
                if (Fits(candidate, following, taken))
                {
                    return candidate;
                }
            }
        }

        // 12 -> 12A, 12A -> 12AA (a letter appended), then its next letters.
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            var candidate = baseNumber + suffix + letter;
            if (Fits(candidate, following, taken))
            {
                return candidate;
            }
        }

        // No room in order (a scene squeezed between 12 and 12A): an unused number after 12 all the same.
        for (var n = 1; ; n++)
        {
            var candidate = baseNumber + suffix + Letters(n);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A1, B1, ... for scenes inserted before scene 1 (the prefix form, the only room before it).</summary>
    private static string Before(string first, IReadOnlySet<string> taken)
    {
        for (var n = 1; ; n++)
        {
            var candidate = Letters(n) + first;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static bool Fits(string candidate, string? following, IReadOnlySet<string> taken)
    {
        if (taken.Contains(candidate))
        {
            return false;
        }

        if (following is null)
        {
            return true;
        }

        var (candidateBase, candidateSuffix) = Split(candidate);
        var (followingBase, followingSuffix) = Split(following);
        return !string.Equals(candidateBase, followingBase, StringComparison.Ordinal)
            || string.CompareOrdinal(candidateSuffix, followingSuffix) < 0;
    }

    /// <summary>12AB is (12, AB); a number without a digit before its letters is all base.</summary>
    internal static (string Base, string Suffix) Split(string number)
    {
        var i = number.Length;
        while (i > 0 && number[i - 1] is >= 'A' and <= 'Z')
        {
            i--;
        }

        return i > 0 && i < number.Length && char.IsDigit(number[i - 1]) ? (number[..i], number[i..]) : (number, "");
    }

    /// <summary>1 = A, 26 = Z, 27 = AA... (spreadsheet column letters); also the letters of A-pages.</summary>
    internal static string Letters(int n)
    {
        var letters = "";
        while (n > 0)
        {
            n--;
            letters = (char)('A' + n % 26) + letters;
            n /= 26;
        }

        return letters;
    }
}
