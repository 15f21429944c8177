using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Statistics;

/// <summary>Counts each character's dialogue, following cues to the dialogue that belongs to them.</summary>
internal static class DialogueCounter
{
    public static ImmutableArray<CharacterDialogue> Count(IReadOnlyList<Element> elements)
    {
        var tallies = new Dictionary<string, (int Speeches, int Lines, int Words)>(StringComparer.Ordinal);
        string? speaker = null;
        foreach (var element in elements)
        {
            switch (element.Type)
            {
                case ElementType.Character:
                    speaker = CharacterName(element.Text);
                    var t = tallies.GetValueOrDefault(speaker);
                    tallies[speaker] = (t.Speeches + 1, t.Lines, t.Words);
                    break;
                case ElementType.Dialogue when speaker is not null:
                    var text = PrintedText(element);
                    var lines = text.Split('\n').Count(l => l.Trim().Length > 0);
                    var current = tallies[speaker];
                    tallies[speaker] = (current.Speeches, current.Lines + lines, current.Words + Words(text));
                    break;
                case ElementType.Parenthetical:
                    break;
                default:
                    speaker = null;
                    break;
            }
        }

        var totalWords = tallies.Values.Sum(t => t.Words);
        var totalLines = tallies.Values.Sum(t => t.Lines);
        return [.. tallies
            .Select(p => new CharacterDialogue(p.Key, p.Value.Speeches, p.Value.Lines, p.Value.Words,
                totalWords == 0 ? 0 : (double)p.Value.Words / totalWords,
                totalLines == 0 ? 0 : (double)p.Value.Lines / totalLines))
            .OrderByDescending(c => c.Words)
            .ThenByDescending(c => c.Speeches)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The cue without extensions (<c>(V.O.)</c>, <c>(CONT'D)</c>) or dual marker, upper-cased.</summary>
    internal static string CharacterName(string cue)
    {
        var text = cue.Trim().TrimEnd('^').Trim();
        var paren = text.IndexOf('(');
        if (paren > 0)
        {
            text = text[..paren];
        }

        return text.Trim().ToUpperInvariant();
    }

    private static string PrintedText(Element element) =>
        element.Runs.IsDefaultOrEmpty ? element.Text : string.Concat(element.Runs.Select(r => r.Text));

    /// <summary>Words are runs of non-space characters holding at least one letter or digit (a lone dash is not a word).</summary>
    internal static int Words(string text)
    {
        var count = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasContent)
                {
                    count++;
                }

                inWord = false;
                wordHasContent = false;
                continue;
            }

            inWord = true;
            wordHasContent |= char.IsLetterOrDigit(c);
        }

        return inWord && wordHasContent ? count + 1 : count;
    }
}
