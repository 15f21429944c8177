using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Turns printable runs (as Final Draft stores them) into Fountain text with emphasis markers that the parser reads
/// back to the same runs: literal <c>*</c> and <c>_</c> are escaped, markers never span a line break, and two star
/// markers are never written touching (the parser would read <c>*</c> + <c>**</c> as one <c>***</c>): where runs
/// meet, a space at the edge is moved outside the markers to keep them apart. Runs that meet with neither side
/// having a space (<c>**bold**</c> glued to <c>*italic*</c> inside a word) cannot be told apart and may merge.
/// </summary>
internal static class EmphasisMarkup
{
    public static string ToFountain(IEnumerable<TextRun> runs)
    {
        var builder = new StringBuilder();
        var line = new List<TextRun>();
        foreach (var run in Merge(runs))
        {
            var parts = run.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    AppendLine(builder, line);
                    builder.Append('\n');
                    line.Clear();
                }

                if (parts[i].Length > 0)
                {
                    line.Add(run with { Text = parts[i] });
                }
            }
        }

        AppendLine(builder, line);
        return builder.ToString();
    }

    /// <summary>One run of a line; <see cref="Lead"/> and <see cref="Trail"/> are spaces moved outside its star markers.</summary>
    private sealed record Piece(string Lead, string Core, string Trail, Emphasis Emphasis)
    {
        public string Stars => (Emphasis & (Emphasis.Bold | Emphasis.Italic)) switch
        {
            Emphasis.Bold | Emphasis.Italic => "***",
            Emphasis.Bold => "**",
            Emphasis.Italic => "*",
            _ => "",
        };

        public bool Underlined => (Emphasis & Emphasis.Underline) != 0;
    }

    private static void AppendLine(StringBuilder builder, List<TextRun> runs)
    {
        // A stretch of spaces prints the same in italic or bold: written plain, it cannot make markers touch.
        var pieces = runs
            .Select(r => new Piece("", r.Text, "", r.Text.Trim().Length == 0 && r.Emphasis != Emphasis.Underline ? Emphasis.None : r.Emphasis))
            .ToList();

        // Underline stays open across neighbouring underlined runs; star markers close and open at each run.
        bool OpensUnderline(int i) => pieces[i].Underlined && (i == 0 || !pieces[i - 1].Underlined);
        bool ClosesUnderline(int i) => pieces[i].Underlined && (i == pieces.Count - 1 || !pieces[i + 1].Underlined);

        for (var i = 0; i + 1 < pieces.Count; i++)
        {
            var (left, right) = (pieces[i], pieces[i + 1]);
            var leftEndsWithStar = left.Stars.Length > 0 && !ClosesUnderline(i);
            var rightStartsWithStar = right.Stars.Length > 0 && !OpensUnderline(i + 1);
            if (!leftEndsWithStar || !rightStartsWithStar)
            {
                continue;
            }

            var trail = left.Core.Length - left.Core.TrimEnd().Length;
            var lead = right.Core.Length - right.Core.TrimStart().Length;
            if (trail > 0)
            {
                pieces[i] = left with { Core = left.Core[..^trail], Trail = left.Core[^trail..] };
            }
            else if (lead > 0)
            {
                pieces[i + 1] = right with { Lead = right.Core[..lead], Core = right.Core[lead..] };
            }
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (OpensUnderline(i))
            {
                builder.Append('_');
            }

            builder.Append(piece.Lead).Append(piece.Stars);
            AppendEscaped(builder, piece.Core);
            builder.Append(Reverse(piece.Stars)).Append(piece.Trail);
            if (ClosesUnderline(i))
            {
                builder.Append('_');
            }
        }
    }

    private static string Reverse(string markers)
    {
        var chars = markers.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            if (c is '*' or '_')
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

            if (pending is { } open && open.Emphasis == run.Emphasis)
            {
                pending = open with { Text = open.Text + run.Text };
                continue;
            }

            if (pending is { } done)
            {
                yield return done;
            }

            pending = run;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }
}
