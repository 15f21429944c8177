namespace Screenplay.Fountain.Layout;

/// <summary>A printed line as a slice [Start, End) of an element's plain text.</summary>
internal readonly record struct Slice(int Start, int End);

/// <summary>
/// Greedy word wrap in monospace cells. Breaks at spaces; a word longer than the column is cut. Leading spaces of a
/// source line are kept (indented action), spaces at a break are dropped, and <c>\n</c> always starts a new line.
/// Greedy wrapping is prefix-stable: the lines before a sentence boundary are the same whether or not the text after
/// it is wrapped too, which is what lets dialogue be split at sentences without re-wrapping what stays.
/// </summary>
internal static class LineWrapper
{
    public static List<Slice> Wrap(string text, int start, int end, int width)
    {
        var lines = new List<Slice>();
        Wrap(text, start, end, width, lines);
        return lines;
    }

    /// <summary>Appends the wrapped lines to <paramref name="lines"/> (a buffer the caller reuses).</summary>
    public static void Wrap(string text, int start, int end, int width, List<Slice> lines)
    {
        var segmentStart = start;
        while (true)
        {
            var newline = text.IndexOf('\n', segmentStart, end - segmentStart);
            var segmentEnd = newline < 0 ? end : newline;
            WrapSegment(text, segmentStart, segmentEnd, width, lines);
            if (newline < 0)
            {
                return;
            }

            segmentStart = newline + 1;
        }
    }

    private static void WrapSegment(string text, int start, int end, int width, List<Slice> lines)
    {
        if (start == end)
        {
            lines.Add(new Slice(start, start));
            return;
        }

        var pos = start;
        while (pos < end)
        {
            var column = 0;
            var lastSpace = -1;
            var seenText = false;
            var i = pos;
            while (i < end)
            {
                var c = text[i];
                var w = TextColumns.Of(c);
                if (column + w > width)
                {
                    break;
                }

                if (c == ' ')
                {
                    if (seenText)
                    {
                        lastSpace = i;
                    }
                }
                else
                {
                    seenText = true;
                }

                column += w;
                i++;
            }

            int lineEnd;
            int next;
            if (i == end)
            {
                lineEnd = end;
                next = end;
            }
            else if (text[i] == ' ')
            {
                lineEnd = i;
                next = i;
            }
            else if (lastSpace > pos)
            {
                lineEnd = lastSpace;
                next = lastSpace;
            }
            else
            {
                lineEnd = Math.Max(i, pos + 1);
                next = lineEnd;
            }

            while (lineEnd > pos && text[lineEnd - 1] == ' ')
            {
                lineEnd--;
            }

            while (next < end && text[next] == ' ')
            {
                next++;
            }

            if (lineEnd > pos || next >= end)
            {
                lines.Add(new Slice(pos, lineEnd));
            }

            pos = next;
        }
    }

    /// <summary>The start of the text that follows a boundary: spaces and one line break are skipped.</summary>
    public static int SkipBoundary(string text, int boundary, int end)
    {
        var i = boundary;
        if (i < end && text[i] == '\n')
        {
            return i + 1;
        }

        while (i < end && text[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
