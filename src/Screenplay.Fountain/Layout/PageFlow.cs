namespace Screenplay.Fountain.Layout;

/// <summary>
/// Fills pages with blocks, top to bottom. A block that does not fit is split where it allows, else moved to the next
/// page; a scene heading moves if the start of what follows cannot come with it; a transition that does not fit takes
/// the end of the previous block along. Each block is looked at a bounded number of times, so the flow is linear.
/// With locked page ends (<see cref="LockedPages"/>, in this text's coordinates) each locked page starts a new page
/// where its text starts, a block that runs over a locked end is cut there, and what overflows a locked page goes
/// to its A-pages; <see cref="Numbers"/> then says what each page is numbered.
/// Blocks are built as the flow reaches them and each page is turned into its printed lines as soon as it is full,
/// so what stays alive while a long script is laid out is the finished pages, not every block and draft line of it.
/// </summary>
internal sealed class PageFlow(BlockBuilder blocks, PageFurniture furniture, int bodyRows, IReadOnlyList<int>? lockedEnds = null)
{
    private readonly List<LayoutLine[]> _pages = [];
    private readonly List<(Block Block, int Row)> _current = [];
    private readonly List<(int Row, DraftLine Line)> _emitted = [];

    /// <summary>Blocks put back to be placed next (a stack: the last one added comes first).</summary>
    private readonly List<Block> _pending = [];

    /// <summary>Blocks built ahead of the flow (looked at, not yet taken), from index <see cref="_head"/> on.</summary>
    private readonly List<Block> _ahead = [];
    private readonly List<PageNumbering> _numbers = [];
    private int _head;
    private int _used;

    // Locked pages: the locked page (0-based) the current page belongs to, its letter, and the first locked page it
    // stands for (earlier than _locked only when the script's first locked pages were all cut).
    private int _locked;
    private int _letter;
    private int _first;

    /// <summary>With locked ends, the printed number of each page <see cref="Run"/> returned.</summary>
    public IReadOnlyList<PageNumbering> Numbers => _numbers;

    /// <summary>Each page's body lines (scene numbers and revision marks included; page number and header not).</summary>
    public List<LayoutLine[]> Run()
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

            if (lockedEnds is not null)
            {
                block = HonourLockedEnds(block);
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
                _pending.Add(cut.Remainder);
                continue;
            }

            if (!block.KeepWithNext && block.Split(available, forced: false) is { } split)
            {
                Place(split.First, space);
                NewPage();
                _pending.Add(split.Remainder);
                continue;
            }

            if (_current.TrueForAll(p => p.Block.KeepWithNext)
                && block.Split(available, forced: true) is { } forcedCut)
            {
                // Only a heading is on this page and what follows cannot move without leaving it alone: cut by force.
                Place(forcedCut.First, space);
                NewPage();
                _pending.Add(forcedCut.Remainder);
                continue;
            }

            _pending.Add(block);
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

        if (lockedEnds is not null && _numbers.Count > 0 && _numbers[^1].Through < lockedEnds.Count + 1)
        {
            // The last locked pages lost all their text: the last page stands for them.
            _numbers[^1] = _numbers[^1] with { Through = lockedEnds.Count + 1 };
        }

        return _pages;
    }

    /// <summary>
    /// Starts a new page when <paramref name="block"/> belongs to a later locked page than the current one, and cuts a
    /// block that runs over the current locked page's end there (the remainder goes back to be placed next).
    /// </summary>
    private Block HonourLockedEnds(Block block)
    {
        var (start, end) = block.SourceExtent();
        if (start < 0)
        {
            return block;
        }

        var target = LockedPageOf(start);
        if (target > _locked)
        {
            if (_current.Count > 0)
            {
                NewPage();
            }

            if (_numbers.Count > 0)
            {
                // Locked pages between the previous page and this one lost all their text: "12-13".
                _numbers[^1] = _numbers[^1] with { Through = Math.Max(_numbers[^1].Through, target) };
                _first = target;
            }

            _locked = target;
            _letter = 0;
        }

        if (_locked < lockedEnds!.Count && start < lockedEnds[_locked] && end > lockedEnds[_locked]
            && (CutBefore(block, lockedEnds[_locked], forced: false) ?? CutBefore(block, lockedEnds[_locked], forced: true)) is { } cut)
        {
            _pending.Add(cut.Remainder);
            return cut.First;
        }

        return block;
    }

    /// <summary>The locked page (0-based) that text at <paramref name="offset"/> belongs to: how many locked ends are at or before it.</summary>
    private int LockedPageOf(int offset)
    {
        int lo = 0, hi = lockedEnds!.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (lockedEnds[mid] <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The latest allowed cut of <paramref name="block"/> whose first part ends at or before <paramref name="limit"/>,
    /// or null. Found by halving, which is right because <see cref="Block.Split"/> is monotone in the rows it is given:
    /// more rows only add candidate cuts (the rules that reject one, widows, orphans, a rest too short, a cut right after
    /// a parenthetical, do not depend on the rows), so a cut that exists still exists with more rows and ends no earlier.
    /// Tests/Layout/BlockSplitTests checks that property on every kind of block.
    /// </summary>
    private static (Block First, Block Remainder)? CutBefore(Block block, int limit, bool forced)
    {
        (Block First, Block Remainder)? best = null;
        int lo = 1, hi = block.Height - 1;
        while (lo <= hi)
        {
            var rows = (lo + hi) / 2;
            var cut = block.Split(rows, forced);
            if (cut is { } c && c.First.SourceExtent().End > limit)
            {
                hi = rows - 1;
                continue;
            }

            if (cut is not null)
            {
                best = cut;
            }

            lo = rows + 1;
        }

        return best;
    }

    private Block? Next()
    {
        if (_pending.Count > 0)
        {
            var top = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
            return top;
        }

        if (Upcoming(0) is not { } block)
        {
            return null;
        }

        _ahead[_head++] = null!;
        if (_head == _ahead.Count || _head >= 64)
        {
            _ahead.RemoveRange(0, _head);
            _head = 0;
        }

        return block;
    }

    /// <summary>The block <paramref name="ahead"/> places after the next one (0 = the next one).</summary>
    private Block? Peek(int ahead)
    {
        if (ahead < _pending.Count)
        {
            return _pending[_pending.Count - 1 - ahead];
        }

        return Upcoming(ahead - _pending.Count);
    }

    /// <summary>The <paramref name="index"/>-th block the builder has not given to the flow yet (building it if needed), or null past the end.</summary>
    private Block? Upcoming(int index)
    {
        while (_ahead.Count - _head <= index)
        {
            if (!blocks.Next(_ahead))
            {
                return null;
            }
        }

        return _ahead[_head + index];
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

        if (lockedEnds is not null && next.SourceExtent() is { Start: >= 0 } extent && LockedPageOf(extent.Start) > _locked)
        {
            return true; // the next block starts a later locked page: nothing of it comes onto this one
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
            _pending.Add(cut.Remainder);
            return;
        }

        _current.RemoveAt(_current.Count - 1);
        _pending.Add(last);
        if (_current.Count >= 2 && _current[^1].Block.KeepWithNext)
        {
            _pending.Add(_current[^1].Block);
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
        _emitted.Clear();
        foreach (var (block, row) in _current)
        {
            block.Emit(row, _emitted);
        }

        _pages.Add(furniture.Body(_emitted));
        _current.Clear();
        _used = 0;
        if (lockedEnds is not null)
        {
            _numbers.Add(new PageNumbering(_first + 1, _letter, _locked + 1));
            _first = _locked;
            _letter++;
        }
    }
}
