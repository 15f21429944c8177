namespace Screenplay.Fountain.Parsing;

/// <summary>The line-level tests of Fountain 1.1, on spans so the hot path allocates nothing.</summary>
internal static class LineRules
{
    /// <summary>Empty or whitespace-only; a line of two or more spaces is not blank (it keeps a blank line inside a paragraph).</summary>
    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        line = TrimCarriageReturn(line);
        if (!line.IsWhiteSpace())
        {
            return false;
        }

        return !IsTwoSpaces(line);
    }

    public static bool IsTwoSpaces(ReadOnlySpan<char> line) => line.Length >= 2 && !line.ContainsAnyExcept(' ');

    public static ReadOnlySpan<char> TrimCarriageReturn(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    /// <summary>INT, EXT, EST, INT./EXT, INT/EXT, I/E (any case) followed by a dot or a space.</summary>
    public static bool IsNaturalSceneHeading(ReadOnlySpan<char> t)
    {
        return HasPrefix(t, "INT./EXT") || HasPrefix(t, "INT/EXT") || HasPrefix(t, "I/E")
            || HasPrefix(t, "INT") || HasPrefix(t, "EXT") || HasPrefix(t, "EST");
    }

    private static bool HasPrefix(ReadOnlySpan<char> t, string prefix) =>
        t.Length > prefix.Length
        && t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (t[prefix.Length] == '.' || t[prefix.Length] == ' ');

    /// <summary>A single leading dot followed by a letter or digit forces a heading; <c>..</c> (an ellipsis) does not.</summary>
    public static bool IsForcedSceneHeading(ReadOnlySpan<char> t) =>
        t.Length >= 2 && t[0] == '.' && char.IsLetterOrDigit(t[1]);

    /// <summary>All upper case, at least one letter, ending in <c>TO:</c>.</summary>
    public static bool IsNaturalTransition(ReadOnlySpan<char> t) =>
        t.EndsWith("TO:", StringComparison.Ordinal) && IsUpperWithLetter(t);

    /// <summary>
    /// A cue by case: the name (before any extension in parentheses) has a letter and no lower-case letter.
    /// Digits and punctuation are allowed (<c>MAN #2</c>, <c>O'BRIEN</c>).
    /// </summary>
    public static bool IsNaturalCharacter(ReadOnlySpan<char> t)
    {
        int paren = t.IndexOf('(');
        var name = paren >= 0 ? t[..paren] : t;
        return IsUpperWithLetter(name);
    }

    private static bool IsUpperWithLetter(ReadOnlySpan<char> t)
    {
        bool letter = false;
        foreach (char c in t)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letter = true;
            }
        }

        return letter;
    }

    /// <summary>Three or more <c>=</c> and nothing else.</summary>
    public static bool IsPageBreak(ReadOnlySpan<char> t) => t.Length >= 3 && !t.ContainsAnyExcept('=');

    public static bool IsCentered(ReadOnlySpan<char> t) => t.Length >= 2 && t[0] == '>' && t[^1] == '<';
}
