using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// "NAME (CONT'D)" for the top of the next page when a dialogue group is split; a cue that already says CONT'D stays
/// as it is. Built only when a split asks for it: most speeches never cross a page.
/// </summary>
internal readonly struct ContinuedCue(Element cueElement, int cue, int firstLineSourceLength, DualSide side)
{
    private static readonly TextRun Suffix = new(" (CONT'D)");

    public DraftLine Build(Format format)
    {
        var cueText = StyledText.From(cueElement.Runs, cueElement.Text);
        var name = cueText.Plain.Replace('\n', ' ').Trim();
        var runs = cueText.Runs(0, cueText.Length);
        if (!name.Contains("(CONT'D)", StringComparison.OrdinalIgnoreCase) && !name.Contains("(CONT’D)", StringComparison.OrdinalIgnoreCase))
        {
            runs = runs.Add(Suffix);
        }

        return new DraftLine(LineKind.Character, Formats.X(format.Column), runs, cue, cueElement.Span.Start, firstLineSourceLength, side);
    }
}
