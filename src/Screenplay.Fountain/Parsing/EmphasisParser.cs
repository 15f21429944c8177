using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Resolves <c>*italic*</c>, <c>**bold**</c>, <c>***bold italic***</c>, <c>_underline_</c> and backslash escapes into
/// runs. A marker only counts when the same marker closes it later on the same line; otherwise it prints as written.
/// At most one marker of each kind is open at a time, so the pass is linear.
/// </summary>
internal static class EmphasisParser
{
    private static readonly SearchValues<char> Special = SearchValues.Create("*_\\");

    public static ImmutableArray<TextRun> Parse(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return [new TextRun(text)];
        }

        var runs = ImmutableArray.CreateBuilder<TextRun>();
        var pending = new StringBuilder();
        var pendingEmphasis = Emphasis.None;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            ParseLine(text.AsSpan(lineStart, lineEnd - lineStart), runs, pending, ref pendingEmphasis);
            if (nl < 0)
            {
                break;
            }

            Append(runs, pending, ref pendingEmphasis, "\n", Emphasis.None);
            lineStart = nl + 1;
        }

        Flush(runs, pending, pendingEmphasis);
        return runs.ToImmutable();
    }

    private enum TokenKind : byte
    {
        Text,
        Marker,
    }

    private readonly record struct Token(TokenKind Kind, int Start, int Length, Emphasis Marker);

    private static void ParseLine(ReadOnlySpan<char> line, ImmutableArray<TextRun>.Builder runs, StringBuilder pending, ref Emphasis pendingEmphasis)
    {
        // Tokenize into text and marker tokens, then pair markers: a marker closes the open one of its kind.
        var tokens = new List<Token>();
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length && (line[i + 1] == '*' || line[i + 1] == '_'))
            {
                tokens.Add(new Token(TokenKind.Text, i + 1, 1, Emphasis.None));
                i += 2;
                continue;
            }

            if (c == '*')
            {
                int n = 1;
                while (i + n < line.Length && line[i + n] == '*' && n < 3)
                {
                    n++;
                }

                var kind = n switch { 1 => Emphasis.Italic, 2 => Emphasis.Bold, _ => Emphasis.Bold | Emphasis.Italic };
                tokens.Add(new Token(TokenKind.Marker, i, n, kind));
                i += n;
                continue;
            }

            if (c == '_')
            {
                tokens.Add(new Token(TokenKind.Marker, i, 1, Emphasis.Underline));
                i++;
                continue;
            }

            int next = line[i..].IndexOfAny(Special);
            int len = next < 0 ? line.Length - i : Math.Max(next, 1);
            tokens.Add(new Token(TokenKind.Text, i, len, Emphasis.None));
            i += len;
        }

        // Pair markers. open[k] = token index of the open marker of kind k, -1 when none.
        Span<int> open = [-1, -1, -1, -1];
        var paired = new int[tokens.Count];
        Array.Fill(paired, -1);
        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind != TokenKind.Marker)
            {
                continue;
            }

            int k = KindIndex(tokens[t].Marker);
            if (open[k] >= 0)
            {
                paired[open[k]] = t;
                paired[t] = open[k];
                open[k] = -1;
            }
            else
            {
                open[k] = t;
            }
        }

        var active = Emphasis.None;
        for (int t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Marker && paired[t] >= 0)
            {
                active ^= token.Marker;
                continue;
            }

            Append(runs, pending, ref pendingEmphasis, line.Slice(token.Start, token.Length), active);
        }

    }

    private static int KindIndex(Emphasis e) => e switch
    {
        Emphasis.Italic => 0,
        Emphasis.Bold => 1,
        Emphasis.Underline => 2,
        _ => 3,
    };

    private static void Append(ImmutableArray<TextRun>.Builder runs, StringBuilder pending, ref Emphasis pendingEmphasis, ReadOnlySpan<char> text, Emphasis emphasis)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (pending.Length > 0 && emphasis != pendingEmphasis)
        {
            Flush(runs, pending, pendingEmphasis);
        }

        pendingEmphasis = emphasis;
        pending.Append(text);
    }

    private static void Flush(ImmutableArray<TextRun>.Builder runs, StringBuilder pending, Emphasis emphasis)
    {
        if (pending.Length > 0)
        {
            runs.Add(new TextRun(pending.ToString(), emphasis));
            pending.Clear();
        }
    }
}
