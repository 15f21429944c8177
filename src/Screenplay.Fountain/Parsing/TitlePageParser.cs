using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// The title page: <c>Key: value</c> lines at the very top, values continued on indented lines, ending at the first
/// blank line. To keep a script that opens with <c>FADE IN:</c> from becoming a title page, the first key must have a
/// value on its line or an indented line under it.
/// </summary>
internal static class TitlePageParser
{
    public static bool Starts(List<SourceLine> paragraph, string source)
    {
        var first = paragraph[0].Text(source);
        if (!TryKey(first, out _, out var value))
        {
            return false;
        }

        if (!value.IsWhiteSpace())
        {
            return true;
        }

        return paragraph.Count > 1 && IsIndented(paragraph[1].Text(source));
    }

    public static ImmutableArray<TitlePageEntry>.Builder Parse(List<SourceLine> paragraph, string source)
    {
        var entries = ImmutableArray.CreateBuilder<TitlePageEntry>();
        string? key = null;
        var values = new List<string>();
        int start = 0, end = 0, line = 0;

        void Flush()
        {
            // Lines of spaces around a value only look blank; inside it they are kept as empty lines.
            while (values.Count > 0 && values[^1].Length == 0)
            {
                values.RemoveAt(values.Count - 1);
            }

            var leading = 0;
            while (leading < values.Count && values[leading].Length == 0)
            {
                leading++;
            }

            values.RemoveRange(0, leading);
            if (key is not null)
            {
                entries.Add(new TitlePageEntry(key, string.Join('\n', values), new SourceSpan(start, end - start, line)));
            }

            values.Clear();
        }

        foreach (var l in paragraph)
        {
            var text = l.Text(source);
            if (!IsIndented(text) && TryKey(text, out var k, out var v))
            {
                Flush();
                key = k.ToString();
                start = l.Start;
                line = l.Number;
                var value = v.Trim();
                if (!value.IsEmpty)
                {
                    values.Add(value.ToString());
                }
            }
            else
            {
                values.Add(text.Trim().ToString()); // a continuation line, indented or not: nothing is dropped
            }

            end = l.End;
        }

        Flush();
        return entries;
    }

    private static bool IsIndented(ReadOnlySpan<char> text) => text.Length > 0 && char.IsWhiteSpace(text[0]);

    private static bool TryKey(ReadOnlySpan<char> text, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        key = default;
        value = default;
        int colon = text.IndexOf(':');
        if (colon <= 0 || char.IsWhiteSpace(text[0]))
        {
            return false;
        }

        var k = text[..colon].TrimEnd();
        foreach (char c in k)
        {
            if (!(char.IsLetterOrDigit(c) || c == ' ' || c == '-' || c == '_'))
            {
                return false;
            }
        }

        key = k;
        value = text[(colon + 1)..];
        return true;
    }
}
