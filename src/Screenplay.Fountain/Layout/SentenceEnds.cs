using System.Collections.Frozen;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Where a paragraph may be split across pages: after a sentence, never inside one. A period is not a sentence end
/// after a title ("Mr.", "Dr.", "St."...), an initial ("J. R. Smith"), a dotted abbreviation ("a.m.", "U.S."), or as
/// part of an ellipsis ("..." or "…"). Shared by dialogue and action.
/// </summary>
internal static class SentenceEnds
{
    /// <summary>
    /// Titles written with a period that stand before a name, so the period never ends a sentence (compared ignoring
    /// case). Words that also end sentences ("No.", "Inc.", "etc.") are left out: a missed split point costs a line of
    /// page, a wrong one cuts a sentence.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Mr", "Mrs", "Ms", "Mx", "Dr", "St", "Lt", "Sr", "Jr", "Prof", "Rev", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Col",
        "Gen", "Maj", "Cmdr", "Adm", "Det", "Insp", "Gov", "Sen", "Fr", "Hon", "Mt", "Ft", "vs")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The places in [<paramref name="start"/>, <paramref name="end"/>) where the kept part may end: on the space after a
    /// sentence's closing punctuation (and any closing quotes or brackets), right after a wide full stop, or at a line
    /// break. Ascending.
    /// </summary>
    public static List<int> Boundaries(string text, int start, int end)
    {
        var result = new List<int>();
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                result.Add(i);
                continue;
            }

            if (c is not ('.' or '!' or '?' or '。' or '！' or '？'))
            {
                continue;
            }

            var j = i + 1;
            var ellipsis = c == '.' && (j < end && text[j] == '.' || i > 0 && text[i - 1] == '.');
            while (j < end && text[j] is '.' or '!' or '?')
            {
                j++;
            }

            var terminal = j;
            while (j < end && text[j] is '"' or '\'' or ')' or ']' or '”' or '’' or '」')
            {
                j++;
            }

            if (j >= end)
            {
                break;
            }

            var wide = c is '。' or '！' or '？';
            if ((text[j] == ' ' || wide) && !ellipsis && (c != '.' || terminal - i > 1 || !IsAbbreviation(text, i)))
            {
                result.Add(j);
            }

            i = j - 1;
        }

        return result;
    }

    /// <summary>Whether the period at <paramref name="dot"/> closes an abbreviation, a title or an initial rather than a sentence.</summary>
    internal static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.IsEmpty)
        {
            return false;
        }

        if (word.Length == 1)
        {
            return char.IsUpper(word[0]); // an initial; "I." stays one too: "Part I. The end." is rare next to "J. R."
        }

        if (word.Contains('.'))
        {
            return true; // a.m., p.m., U.S., e.g.
        }

        return Titles.Contains(word);
    }
}
