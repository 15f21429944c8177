using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Maps each character of an element's printed text back to its offset in the source. The printed text is the source
/// with markers, notes and escapes taken out, so a greedy forward match within the element's span finds each
/// printed character; one that cannot be found nearby (a tab printed as spaces) keeps the previous position.
/// </summary>
internal static class SourceMap
{
    // Bounded so that text the source does not contain costs at most this much per character (linear time);
    // long enough to step over an inline note or boneyard.
    private const int SearchWindow = 512;

    public static int[] Build(string source, SourceSpan span, string plain)
    {
        var map = new int[plain.Length + 1];
        var spanStart = Math.Clamp(span.Start, 0, source.Length);
        var spanEnd = Math.Clamp(span.End, spanStart, source.Length);
        var p = spanStart;
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            var limit = Math.Min(spanEnd, p + SearchWindow);
            var found = -1;
            for (var q = p; q < limit; q++)
            {
                var s = source[q];
                if (s == c || (c == ' ' && s == '\t'))
                {
                    found = q;
                    break;
                }
            }

            if (found >= 0)
            {
                map[i] = found;
                p = found + 1;
            }
            else
            {
                map[i] = Math.Min(p, spanEnd);
            }
        }

        map[plain.Length] = plain.Length == 0 ? spanStart : Math.Max(map[plain.Length - 1] + 1, Math.Min(p, spanEnd));
        return map;
    }
}
