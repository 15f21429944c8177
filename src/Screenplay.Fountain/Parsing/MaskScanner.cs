namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Finds boneyard (<c>/* */</c>, may span blank lines) and notes (<c>[[ ]]</c>, may span lines but not a blank line)
/// in one left-to-right pass. An opener with no closer stays literal text, so nothing a writer typed disappears.
/// Linear: once a search for <c>*/</c> fails, no later opener can succeed, and the note search reuses the positions
/// of the next <c>]]</c> and the next blank line as long as they lie ahead.
/// </summary>
internal static class MaskScanner
{
    public static MaskSet Scan(string text)
    {
        if (text.AsSpan().IndexOfAny('/', '[') < 0)
        {
            return MaskSet.Empty;
        }

        var masks = new List<Mask>();
        var failed = new List<Range2>();
        bool boneyardClosable = true;
        int nextNoteClose = -2; // cached position of the next "]]" at or after the cursor; -1 when none is left
        int nextBlank = -2;     // cached position of the next blank line at or after the cursor; -1 when none
        int i = 0;
        while (i < text.Length - 1)
        {
            int hit = text.AsSpan(i).IndexOfAny('/', '[');
            if (hit < 0)
            {
                break;
            }

            i += hit;
            if (i + 1 >= text.Length)
            {
                break;
            }

            char c = text[i];
            if (c == '/' && text[i + 1] == '*' && boneyardClosable)
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    boneyardClosable = false;
                    i += 2;
                    continue;
                }

                masks.Add(new Mask(i, close + 2, MaskKind.Boneyard));
                i = close + 2;
                continue;
            }

            if (c == '[' && text[i + 1] == '[')
            {
                if (nextNoteClose != -1 && nextNoteClose < i + 2)
                {
                    nextNoteClose = text.IndexOf("]]", i + 2, StringComparison.Ordinal);
                }

                if (nextBlank != -1 && nextBlank < i + 2)
                {
                    nextBlank = FindBlankLine(text, i + 2);
                }

                // A boneyard that starts inside the note region does not cut it: notes are scanned on raw text.
                if (nextNoteClose >= 0 && (nextBlank < 0 || nextNoteClose < nextBlank))
                {
                    masks.Add(new Mask(i, nextNoteClose + 2, MaskKind.Note));
                    i = nextNoteClose + 2;
                    continue;
                }

                failed.Add(new Range2(i, nextBlank < 0 ? text.Length : nextBlank));
                i += 2;
                continue;
            }

            i++;
        }

        return new MaskSet(masks.ToArray(), failed.ToArray());
    }

    /// <summary>Offset of the start of the first whitespace-only line (not two spaces) that begins after <paramref name="from"/>, or -1.</summary>
    internal static int FindBlankLine(string text, int from)
    {
        int nl = text.IndexOf('\n', from);
        while (nl >= 0)
        {
            int lineStart = nl + 1;
            int lineEnd = text.IndexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.Length : lineEnd;
            if (LineRules.IsBlank(text.AsSpan(lineStart, end - lineStart)))
            {
                return lineStart;
            }

            nl = lineEnd;
        }

        return -1;
    }
}
