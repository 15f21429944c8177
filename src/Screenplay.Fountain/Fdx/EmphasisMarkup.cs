using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Turns printable runs (as Final Draft stores them) into Fountain text with emphasis markers: literal <c>*</c>,
/// <c>_</c> and <c>\</c> are escaped, and markers never span a line break or hug outer spaces, since Fountain reads
/// neither as emphasis.
/// </summary>
internal static class EmphasisMarkup
{
    public static string ToFountain(IEnumerable<TextRun> runs)
    {
        var builder = new StringBuilder();
        foreach (var run in Merge(runs))
        {
            var lines = run.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('\n');
                }

                AppendMarked(builder, lines[i], run.Emphasis);
            }
        }

        return builder.ToString();
    }

    private static void AppendMarked(StringBuilder builder, string text, Emphasis emphasis)
    {
        var core = text.Trim();
        if (core.Length == 0 || emphasis == Emphasis.None)
        {
            AppendEscaped(builder, text);
            return;
        }

        var lead = text.Length - text.TrimStart().Length;
        builder.Append(text, 0, lead);
        var open = Opening(emphasis);
        builder.Append(open);
        AppendEscaped(builder, core);
        builder.Append(Closing(open));
        builder.Append(text, lead + core.Length, text.Length - lead - core.Length);
    }

    private static string Opening(Emphasis emphasis)
    {
        var stars = (emphasis & (Emphasis.Bold | Emphasis.Italic)) switch
        {
            Emphasis.Bold | Emphasis.Italic => "***",
            Emphasis.Bold => "**",
            Emphasis.Italic => "*",
            _ => "",
        };
        return (emphasis & Emphasis.Underline) != 0 ? "_" + stars : stars;
    }

    private static string Closing(string opening)
    {
        var chars = opening.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            if (c is '*' or '_' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }

    /// <summary>Neighbouring runs of one emphasis become one, so markers are not closed and reopened mid-word.</summary>
    private static IEnumerable<TextRun> Merge(IEnumerable<TextRun> runs)
    {
        TextRun? pending = null;
        foreach (var run in runs)
        {
            if (run.Text.Length == 0)
            {
                continue;
            }

            if (pending is not null && pending.Emphasis == run.Emphasis)
            {
                pending = pending with { Text = pending.Text + run.Text };
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = run;
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
