using Screenplay.Fountain.Collections;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Fills pages with blocks, top to bottom. A block that does not fit is split where it allows, else moved to the next
/// page; a scene heading moves if the start of what follows cannot come with it; a transition that does not fit takes
/// the end of the previous block along. Each block is looked at a bounded number of times, so the flow is linear.
/// </summary>
internal sealed class PageFlow(PooledList<Block> blocks, int bodyRows)
{
    private readonly List<List<(int Row, DraftLine Line)>> _pages = [];
    private readonly List<(Block Block, int Row)> _current = [];
    private readonly Stack<Block> _pending = new();
    private int _next;
    private int _used;

    public List<List<(int Row, DraftLine Line)>> Run()
    {
        while (Next() is { } block)
        {
            if (block is PageBreakBlock)
            {
                if (_current.Count > 0)
                {
                    NewPage();
                }

                continue;
            }

            var space = _current.Count == 0 ? 0 : block.SpaceBefore;
            var available = bodyRows - _used - space;
            if (block.Height <= available && (!block.KeepWithNext || FitsStartOfNext(available - block.Height)))
            {
                Place(block, space);
                continue;
            }

            if (_current.Count == 0)
            {
                // Alone on a page and still too tall (or its follower too tall): split by the rules, else by force.
                if (block.Height <= available)
                {
                    Place(block, 0);
                    continue;
                }

                var forced = block.Split(available, forced: false) ?? block.Split(available, forced: true);
                if (forced is not { } cut)
                {
                    Place(block, 0); // cannot be cut (a one-line block taller than a page cannot exist); overflows rather than loops
                    continue;
                }

                Place(cut.First, 0);
                NewPage();
                _pending.Push(cut.Remainder);
                continue;
            }

            if (!block.KeepWithNext && block.Split(available, forced: false) is { } split)
            {
                Place(split.First, space);
                NewPage();
                _pending.Push(split.Remainder);
                continue;
            }

            if (_current.TrueForAll(p => p.Block.KeepWithNext)
                && block.Split(available, forced: true) is { } forcedCut)
            {
                // Only a heading is on this page and what follows cannot move without leaving it alone: cut by force.
                Place(forcedCut.First, space);
                NewPage();
                _pending.Push(forcedCut.Remainder);
                continue;
            }

            _pending.Push(block);
            if (block.KeepWithPrevious)
            {
                CarryPrevious();
            }

            NewPage();
        }

        if (_current.Count > 0)
        {
            NewPage();
        }

        return _pages;
    }

    private Block? Next()
    {
        if (_pending.Count > 0)
        {
            return _pending.Pop();
        }

        return _next < blocks.Count ? blocks[_next++] : null;
    }

    /// <summary>The block <paramref name="ahead"/> places after the next one (0 = the next one).</summary>
    private Block? Peek(int ahead)
    {
        if (ahead < _pending.Count)
        {
            return _pending.ElementAt(ahead);
        }

        var index = _next + ahead - _pending.Count;
        return index < blocks.Count ? blocks[index] : null;
    }

    /// <summary>
    /// Whether the start of the next block (whole, or its first allowed part) fits in <paramref name="rows"/>. When the
    /// next block is itself a heading, the start of the one after it must fit too, or the first heading would be left
    /// alone when the second moves on.
    /// </summary>
    private bool FitsStartOfNext(int rows, int ahead = 0)
    {
        var next = Peek(ahead);
        if (next is null or PageBreakBlock)
        {
            return true;
        }

        var available = rows - next.SpaceBefore;
        if (available <= 0)
        {
            return false;
        }

        if (next.KeepWithNext)
        {
            return next.Height <= available && ahead < 8 && FitsStartOfNext(available - next.Height, ahead + 1);
        }

        return next.Height <= available || next.Split(available, forced: false) is not null;
    }

    /// <summary>Moves the end of the page's last block (and a heading right above it) to the next page.</summary>
    private void CarryPrevious()
    {
        if (_current.Count < 2)
        {
            return;
        }

        var (last, row) = _current[^1];
        if (last.Splittable && last.Split(last.Height - Formats.MinLinesEachSide, forced: false) is { } cut)
        {
            _current[^1] = (cut.First, row);
            _pending.Push(cut.Remainder);
            return;
        }

        _current.RemoveAt(_current.Count - 1);
        _pending.Push(last);
        if (_current.Count >= 2 && _current[^1].Block.KeepWithNext)
        {
            _pending.Push(_current[^1].Block);
            _current.RemoveAt(_current.Count - 1);
        }
    }

    private void Place(Block block, int space)
    {
        _current.Add((block, _used + space));
        _used += space + block.Height;
    }

    private void NewPage()
    {
        var lines = new List<(int Row, DraftLine Line)>();
        foreach (var (block, row) in _current)
        {
            block.Emit(row, lines);
        }

        _pages.Add(lines);
        _current.Clear();
        _used = 0;
    }
}
