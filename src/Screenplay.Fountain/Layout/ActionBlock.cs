namespace Screenplay.Fountain.Layout;

/// <summary>
/// An action paragraph. It may be split only after a sentence (or at a line break inside it), with at least
/// <see cref="Formats.MinLinesEachSide"/> lines on each page, as dialogue is; a paragraph taller than a whole page with
/// no such place is cut at a line by force.
/// </summary>
internal sealed class ActionBlock(WrappedPart part) : Block
{
    public override int Height => part.Lines.Count;

    public override bool Splittable => true;

    public override (Block First, Block Remainder)? Split(int rows, bool forced)
    {
        var min = forced ? 1 : Formats.MinLinesEachSide;
        var lines = part.Lines;
        var fitting = Math.Min(rows, lines.Count - min);
        if (fitting < min)
        {
            return null;
        }

        if (forced)
        {
            return Cut(lines[fitting - 1].End, lines[fitting].Start);
        }

        // A boundary sits on the space after a sentence: look one character past the last line that fits.
        var text = part.Text.Plain;
        var limit = Math.Min(part.End, lines[fitting - 1].End + 1);
        var candidates = new List<int>();
        var kept = 0;
        foreach (var cut in SentenceEnds.Boundaries(text, part.Start, limit))
        {
            while (kept < lines.Count && lines[kept].Start < cut)
            {
                kept++;
            }

            if (kept >= min)
            {
                candidates.Add(cut);
            }
        }

        // The latest allowed cut keeps the most on this page; the rest must still have enough lines to stand.
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            var restStart = LineWrapper.SkipBoundary(text, candidates[c], part.End);
            if (restStart >= part.End)
            {
                continue;
            }

            var rest = part.Suffix(restStart);
            if (rest.Lines.Count >= min)
            {
                return (new ActionBlock(part.Prefix(candidates[c])) { SpaceBefore = SpaceBefore }, new ActionBlock(rest) { SpaceBefore = 0 });
            }
        }

        return null;
    }

    private (Block First, Block Remainder) Cut(int end, int restStart) =>
        (new ActionBlock(part.Prefix(end)) { SpaceBefore = SpaceBefore }, new ActionBlock(part.Suffix(restStart)) { SpaceBefore = 0 });

    public override void Emit(int row, List<(int Row, DraftLine Line)> into)
    {
        var lines = part.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            into.Add((row + i, part.Draft(lines[i])));
        }
    }

    public override (int Start, int End) SourceExtent()
    {
        var extent = (Start: int.MaxValue, End: -1);
        part.WidenExtent(ref extent);
        return Final(extent);
    }
}
