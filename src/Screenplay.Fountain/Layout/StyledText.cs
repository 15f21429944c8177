using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// An element's printable text flattened to one string with an emphasis per character, so that wrapping and
/// splitting work on plain indices and runs are rebuilt only for the slices that get printed. Most elements are a
/// single run without tabs: those keep the run's string and one emphasis, and copy nothing.
/// </summary>
internal sealed class StyledText
{
    private readonly Emphasis[]? _emphasis;
    private readonly Emphasis _uniform;

    private StyledText(string plain, Emphasis[]? emphasis, Emphasis uniform)
    {
        Plain = plain;
        _emphasis = emphasis;
        _uniform = uniform;
    }

    public string Plain { get; }

    public int Length => Plain.Length;

    public static StyledText From(ImmutableArray<TextRun> runs, string fallback)
    {
        if (runs.IsDefaultOrEmpty)
        {
            return Unstyled(fallback);
        }

        if (runs.Length == 1 && runs[0].Text.AsSpan().IndexOfAny('\t', '\r') < 0)
        {
            return new StyledText(runs[0].Text, null, runs[0].Emphasis);
        }

        var chars = new System.Text.StringBuilder();
        var emphasis = new List<Emphasis>();
        foreach (var run in runs)
        {
            foreach (var c in run.Text)
            {
                // Tabs print as four spaces (as in the Fountain spec's indented action); a carriage return never prints.
                var (ch, count) = c switch { '\t' => (' ', 4), '\r' => (c, 0), _ => (c, 1) };
                for (var k = 0; k < count; k++)
                {
                    chars.Append(ch);
                    emphasis.Add(run.Emphasis);
                }
            }
        }

        return new StyledText(chars.ToString(), [.. emphasis], Emphasis.None);
    }

    public static StyledText Unstyled(string text) =>
        text.AsSpan().IndexOfAny('\t', '\r') < 0
            ? new StyledText(text, null, Emphasis.None)
            : From([new TextRun(text)], text);

    public ImmutableArray<TextRun> Runs(int start, int end)
    {
        if (end <= start)
        {
            return [];
        }

        if (_emphasis is null)
        {
            var text = start == 0 && end == Plain.Length ? Plain : Plain[start..end];
            return [new TextRun(text, _uniform)];
        }

        var builder = ImmutableArray.CreateBuilder<TextRun>();
        var runStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || _emphasis[i] != _emphasis[runStart])
            {
                builder.Add(new TextRun(Plain[runStart..i], _emphasis[runStart]));
                runStart = i;
            }
        }

        return builder.ToImmutable();
    }
}
