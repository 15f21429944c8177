using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>A line ready to be given a row: everything of <see cref="LayoutLine"/> but its position on the page.</summary>
internal readonly record struct DraftLine(
    LineKind Kind,
    double X,
    ImmutableArray<TextRun> Runs,
    int ElementIndex,
    int SourceStart,
    int SourceLength,
    DualSide Dual = DualSide.None,
    string? SceneNumber = null);

/// <summary>
/// A unit of page flow: a paragraph, a dialogue group, a dual-dialogue pair or a forced break. Blocks know their height
/// in rows and where they may be split; the flow decides where pages end.
/// </summary>
internal abstract class Block
{
    public int SpaceBefore { get; init; } = Formats.SpaceBeforeParagraph;

    public abstract int Height { get; }

    /// <summary>Must not end a page (a scene heading): at least the start of the next block goes with it.</summary>
    public virtual bool KeepWithNext => false;

    /// <summary>Must not start a page alone (a transition): something of the previous block goes with it.</summary>
    public virtual bool KeepWithPrevious => false;

    /// <summary>May give its end to the next page, to go with a transition that must not start a page alone.</summary>
    public virtual bool Splittable => false;

    /// <summary>
    /// The block cut into a part of at most <paramref name="rows"/> rows and the rest, or null when no allowed cut
    /// exists. <paramref name="forced"/> relaxes the rules for a block taller than a whole page.
    /// </summary>
    public abstract (Block First, Block Remainder)? Split(int rows, bool forced);

    public abstract void Emit(int row, List<(int Row, DraftLine Line)> into);

    /// <summary>
    /// Where the block's own text starts and ends in the source (end exclusive); added text such as "(MORE)" and a
    /// repeated "NAME (CONT'D)" cue does not count. Used to honour locked page breaks.
    /// </summary>
    public virtual (int Start, int End) SourceExtent()
    {
        var lines = new List<(int Row, DraftLine Line)>(Height);
        Emit(0, lines);
        var extent = (Start: int.MaxValue, End: -1);
        foreach (var (_, line) in lines)
        {
            Widen(ref extent, line.SourceStart, line.SourceLength);
        }

        return Final(extent);
    }

    protected static (int Start, int End) Extent(ReadOnlySpan<DraftLine> lines)
    {
        var extent = (Start: int.MaxValue, End: -1);
        foreach (var line in lines)
        {
            Widen(ref extent, line.SourceStart, line.SourceLength);
        }

        return Final(extent);
    }

    /// <summary>Takes a line's source range into an extent being built (added text, of length 0, does not count).</summary>
    protected static void Widen(ref (int Start, int End) extent, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        extent = (Math.Min(extent.Start, start), Math.Max(extent.End, start + length));
    }

    protected static (int Start, int End) Final((int Start, int End) extent) => extent.End < 0 ? (-1, -1) : extent;
}

/// <summary>
/// Lines printed one under another: scene heading, action, transition, centered text, lyrics. A split shares the
/// line list (a view of <paramref name="start"/> and <paramref name="count"/>), so cutting a paragraph that spans
/// hundreds of pages costs nothing per page.
/// </summary>
internal sealed class LinesBlock(DraftLine[] lines, bool splittable, bool keepWithNext = false, bool keepWithPrevious = false, int start = 0, int count = -1) : Block
{
    private readonly int _count = count < 0 ? lines.Length - start : count;

    public override int Height => _count;

    public override bool KeepWithNext => keepWithNext;

    public override bool KeepWithPrevious => keepWithPrevious;

    public override bool Splittable => splittable;

    public override (Block First, Block Remainder)? Split(int rows, bool forced)
    {
        if (!splittable && !forced)
        {
            return null;
        }

        var min = forced ? 1 : Formats.MinLinesEachSide;
        var keep = Math.Min(rows, _count - min);
        if (keep < min)
        {
            return null;
        }

        return (new LinesBlock(lines, splittable, false, false, start, keep) { SpaceBefore = SpaceBefore },
                new LinesBlock(lines, splittable, keepWithNext, keepWithPrevious, start + keep, _count - keep) { SpaceBefore = 0 });
    }

    public override void Emit(int row, List<(int Row, DraftLine Line)> into)
    {
        for (var i = 0; i < _count; i++)
        {
            into.Add((row + i, lines[start + i]));
        }
    }

    public override (int Start, int End) SourceExtent() => Extent(lines.AsSpan(start, _count));
}

/// <summary>An explicit <c>===</c> page break.</summary>
internal sealed class PageBreakBlock : Block
{
    public override int Height => 0;

    public override (int Start, int End) SourceExtent() => (-1, -1);

    public override (Block First, Block Remainder)? Split(int rows, bool forced) => null;

    public override void Emit(int row, List<(int Row, DraftLine Line)> into)
    {
    }
}

/// <summary>Two dialogue groups side by side. Never split: if it does not fit, it moves to the next page whole.</summary>
internal sealed class DualBlock(DialogueBlock left, DialogueBlock right) : Block
{
    public override int Height => Math.Max(left.Height, right.Height);

    public override (Block First, Block Remainder)? Split(int rows, bool forced) => null;

    public override void Emit(int row, List<(int Row, DraftLine Line)> into)
    {
        left.Emit(row, into);
        right.Emit(row, into);
    }
}
