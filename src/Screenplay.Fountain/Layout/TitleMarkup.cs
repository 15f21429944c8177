using System.Collections.Immutable;
using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Emphasis in title page values (<c>_**BRICK &amp; STEEL**_</c>): the parser keeps those values as written, so the
/// title page resolves <c>*</c>, <c>**</c>, <c>***</c>, <c>_</c> and backslash escapes itself. Unclosed markers print as written.
/// </summary>
internal static class TitleMarkup
{
    public static string? PlainValue(Document document, string key)
    {
        var value = document.Title(key);
        if (value is null)
        {
            return null;
        }

        return string.Concat(Parse(value).Select(r => r.Text)).Replace('\n', ' ').Trim();
    }

    public static ImmutableArray<TextRun> Parse(string text)
    {
        var runs = ImmutableArray.CreateBuilder<TextRun>();
        var current = new StringBuilder();
        var emphasis = Emphasis.None;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c is '*' or '_')
            {
                var count = 1;
                if (c == '*')
                {
                    while (i + count < text.Length && count < 3 && text[i + count] == '*')
                    {
                        count++;
                    }
                }

                var flag = c == '_' ? Emphasis.Underline : count switch { 1 => Emphasis.Italic, 2 => Emphasis.Bold, _ => Emphasis.Bold | Emphasis.Italic };
                var opening = (emphasis & flag) != flag;
                if (!opening || Closes(text, i + count, c, count))
                {
                    Flush(runs, current, emphasis);
                    emphasis = opening ? emphasis | flag : emphasis & ~flag;
                    i += count;
                    continue;
                }
            }

            current.Append(c);
            i++;
        }

        Flush(runs, current, emphasis);
        return runs.ToImmutable();
    }

    private static bool Closes(string text, int from, char marker, int count)
    {
        var needle = new string(marker, count);
        return text.IndexOf(needle, from, StringComparison.Ordinal) > from;
    }

    private static void Flush(ImmutableArray<TextRun>.Builder runs, StringBuilder current, Emphasis emphasis)
    {
        if (current.Length > 0)
        {
            runs.Add(new TextRun(current.ToString(), emphasis));
            current.Clear();
        }
    }
}
