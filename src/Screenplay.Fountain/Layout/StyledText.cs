using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// An element's printable text flattened to one string with its emphasis runs, so that wrapping and splitting work on
/// plain indices and runs are rebuilt only for the slices that get printed. A line that prints the whole element
/// reuses the element's own runs when they are already what would be built (no tabs, no empty runs, no two
/// neighbours with one emphasis): most cues, headings and short lines allocate no text at all. A struct: it lives
/// inside the part or block that wraps it rather than as an object of its own.
/// </summary>
internal readonly struct StyledText
{
    // Runs after flattening: run k covers [_starts[k], _starts[k + 1]) (the last one to the end) with _emphasis[k].
    // Null for a single run, whose emphasis is _uniform. Adjacent runs never share an emphasis and none is empty.
    private readonly int[]? _starts;
    private readonly Emphasis[]? _emphasis;
    private readonly Emphasis _uniform;
    private readonly ImmutableArray<TextRun> _whole;

    private StyledText(string plain, int[]? starts, Emphasis[]? emphasis, Emphasis uniform, ImmutableArray<TextRun> whole)
    {
        Plain = plain;
        _starts = starts;
        _emphasis = emphasis;
        _uniform = uniform;
        _whole = whole;
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
            return new StyledText(runs[0].Text, null, null, runs[0].Emphasis, runs[0].Text.Length > 0 ? runs : default);
        }

        // The element's runs print as they are when none is empty, none has a tab or carriage return, and no two
        // neighbours share an emphasis (else the runs built below differ from them).
        var reusable = true;
        var starts = new List<int>(runs.Length);
        var emphasis = new List<Emphasis>(runs.Length);
        var at = 0;
        for (var k = 0; k < runs.Length; k++)
        {
            var run = runs[k];
            var runStart = at;
            foreach (var c in run.Text)
            {
                at += c switch { '\t' => 4, '\r' => 0, _ => 1 };
            }

            reusable &= at - runStart == run.Text.Length && run.Text.Length > 0 && run.Text.AsSpan().IndexOfAny('\t', '\r') < 0
                && (k == 0 || runs[k - 1].Emphasis != run.Emphasis);

            if (at == runStart || (emphasis.Count > 0 && emphasis[^1] == run.Emphasis))
            {
                continue; // empty, or one emphasis continuing across two runs
            }

            starts.Add(runStart);
            emphasis.Add(run.Emphasis);
        }

        var plain = string.Create(at, runs, static (chars, runs) =>
        {
            var at = 0;
            foreach (var run in runs)
            {
                foreach (var c in run.Text)
                {
                    // Tabs print as four spaces (as in the Fountain spec's indented action); a carriage return never prints.
                    switch (c)
                    {
                        case '\t':
                            chars.Slice(at, 4).Fill(' ');
                            at += 4;
                            break;
                        case '\r':
                            break;
                        default:
                            chars[at++] = c;
                            break;
                    }
                }
            }
        });
        return emphasis.Count <= 1
            ? new StyledText(plain, null, null, emphasis.Count == 1 ? emphasis[0] : Emphasis.None, reusable ? runs : default)
            : new StyledText(plain, [.. starts], [.. emphasis], Emphasis.None, reusable ? runs : default);
    }

    public static StyledText Unstyled(string text) =>
        text.AsSpan().IndexOfAny('\t', '\r') < 0
            ? new StyledText(text, null, null, Emphasis.None, text.Length > 0 ? [new TextRun(text)] : default)
            : From([new TextRun(text)], text);

    public ImmutableArray<TextRun> Runs(int start, int end)
    {
        if (end <= start)
        {
            return [];
        }

        return start == 0 && end == Plain.Length && !_whole.IsDefault ? _whole : Build(start, end);
    }

    private ImmutableArray<TextRun> Build(int start, int end)
    {
        if (_starts is null)
        {
            var text = start == 0 && end == Plain.Length ? Plain : Plain[start..end];
            return [new TextRun(text, _uniform)];
        }

        var first = Array.BinarySearch(_starts, start);
        if (first < 0)
        {
            first = ~first - 1;
        }

        var last = first;
        while (last + 1 < _starts.Length && _starts[last + 1] < end)
        {
            last++;
        }

        var runs = new TextRun[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            var from = Math.Max(start, _starts[k]);
            var to = k + 1 < _starts.Length ? Math.Min(end, _starts[k + 1]) : end;
            runs[k - first] = new TextRun(from == 0 && to == Plain.Length ? Plain : Plain[from..to], _emphasis![k]);
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(runs);
    }
}
