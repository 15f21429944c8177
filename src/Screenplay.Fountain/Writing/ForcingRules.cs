namespace Screenplay.Fountain.Writing;

/// <summary>
/// When a paragraph written plainly would be read back as another type, and so needs its forcing marker.
/// These follow Fountain 1.1 as the parser reads it; they err on the side of forcing, which is always safe.
/// </summary>
internal static class ForcingRules
{
    private static readonly string[] HeadingPrefixes = ["INT./EXT", "INT/EXT", "I/E", "INT", "EXT", "EST"];

    public static bool IsNaturalSceneHeading(string text)
    {
        foreach (var prefix in HeadingPrefixes)
        {
            if (text.Length > prefix.Length
                && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && text[prefix.Length] is '.' or ' ')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An all-caps cue of Latin letters, digits and punctuation that nothing else claims.</summary>
    public static bool IsNaturalCharacter(string text) =>
        IsUpperLatin(text)
        && !StartsWithMarker(text)
        && !IsNaturalSceneHeading(text)
        && !text.EndsWith("TO:", StringComparison.Ordinal)
        && !text.EndsWith('^');

    public static bool IsNaturalTransition(string text) =>
        IsUpperLatin(text)
        && text.EndsWith("TO:", StringComparison.Ordinal)
        && !StartsWithMarker(text)
        && !IsNaturalSceneHeading(text);

    /// <summary>
    /// The first line of an action paragraph needs <c>!</c> when it could be read as a heading, a cue, a transition,
    /// a forced element, a page break, or (first in a file without title page) a title page key.
    /// </summary>
    public static bool ActionNeedsForcing(string line, bool firstInFile, bool hasNextLine)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (StartsWithMarker(trimmed) || IsNaturalSceneHeading(trimmed))
        {
            return true;
        }

        if (HasLetter(trimmed) && !HasLowercase(trimmed) && (hasNextLine || trimmed.EndsWith("TO:", StringComparison.Ordinal)))
        {
            return true;
        }

        if (trimmed.EndsWith('<') || trimmed.EndsWith('^'))
        {
            return true;
        }

        return firstInFile && trimmed.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Later lines of an action paragraph are action whatever they look like, except markers the parser reads on any line.</summary>
    public static bool ActionContinuationNeedsForcing(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('~') || trimmed.StartsWith('=') || trimmed.StartsWith('#') || trimmed.StartsWith('>')
            || trimmed.StartsWith('!') || trimmed.StartsWith('.') || trimmed.StartsWith('@');
    }

    private static bool StartsWithMarker(string text) =>
        text.Length > 0 && (text[0] is '.' or '!' or '@' or '~' or '>' or '=' or '#' or '['
            || text.StartsWith("/*", StringComparison.Ordinal));

    private static bool IsUpperLatin(string text)
    {
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (c is < 'A' or > 'Z')
                {
                    return false;
                }

                hasLetter = true;
            }
        }

        return hasLetter;
    }

    private static bool HasLetter(string text) => text.Any(char.IsLetter);

    private static bool HasLowercase(string text) => text.Any(char.IsLower);
}
