using System.Collections.Immutable;
using Screenplay.Fountain.Collections;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>Turns the document's elements into blocks of wrapped lines, in order. Sections, synopses and notes do not print.</summary>
internal sealed class BlockBuilder(Document document, int bodyRows, ImmutableArray<SceneNotes> sceneNotes = default)
{
    private readonly ElementList _elements = document.Elements;
    private int _sceneOrdinal;

    /// <summary>The blocks in a pooled list (a long script's would otherwise be a large-object-heap array); the caller disposes it.</summary>
    public PooledList<Block> Build()
    {
        var blocks = new PooledList<Block>(_elements.Length);
        var notes = NotesBlockBuilder.ByEnd(document, sceneNotes);
        var i = 0;
        while (i < _elements.Length)
        {
            AddNotesEndingAt(i, notes, blocks);
            var element = _elements[i];
            if (element.Type == ElementType.Character)
            {
                i = AddDialogue(i, blocks);
                continue;
            }

            if (Block(i) is { } block)
            {
                blocks.Add(block);
            }

            i++;
        }

        AddNotesEndingAt(_elements.Length, notes, blocks);
        return blocks;
    }

    /// <summary>Adds the notes blocks of scenes that end before element <paramref name="index"/> (a dialogue group never crosses a scene's end).</summary>
    private static void AddNotesEndingAt(int index, Queue<(int End, Block Block)> notes, PooledList<Block> blocks)
    {
        while (notes.Count > 0 && notes.Peek().End <= index)
        {
            blocks.Add(notes.Dequeue().Block);
        }
    }

    private Block? Block(int index)
    {
        var element = _elements[index];
        if (element.Type == ElementType.PageBreak)
        {
            return new PageBreakBlock();
        }

        if (element.Type is ElementType.Section or ElementType.Synopsis)
        {
            return null;
        }

        var text = StyledText.From(element.Runs, element.Text);
        if (text.Length == 0)
        {
            return null;
        }

        var map = SourceMap.Build(document.Source, element.Span, text.Plain);
        switch (element.Type)
        {
            case ElementType.SceneHeading:
            {
                _sceneOrdinal++;
                var number = element.SceneNumber ?? _sceneOrdinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var lines = Lines(LineKind.SceneHeading, Formats.SceneHeading, text, map, index);
                lines[0] = lines[0] with { SceneNumber = number };
                return new LinesBlock(lines, splittable: false, keepWithNext: true);
            }

            case ElementType.Transition:
            {
                var lines = new List<DraftLine>();
                foreach (var slice in LineWrapper.Wrap(text.Plain, 0, text.Length, Formats.Transition.Width))
                {
                    var columns = TextColumns.Of(text.Plain.AsSpan(slice.Start, slice.End - slice.Start));
                    lines.Add(Paginator.DraftOf(LineKind.Transition, Formats.X(Formats.RightEdge - columns), text, slice, map, index));
                }

                return new LinesBlock(lines, splittable: false, keepWithPrevious: true);
            }

            case ElementType.Centered:
            {
                var lines = new List<DraftLine>();
                var format = Formats.Centered;
                foreach (var slice in LineWrapper.Wrap(text.Plain, 0, text.Length, format.Width))
                {
                    var columns = TextColumns.Of(text.Plain.AsSpan(slice.Start, slice.End - slice.Start));
                    lines.Add(Paginator.DraftOf(LineKind.Centered, Formats.X(format.Column + (format.Width - columns) / 2.0), text, slice, map, index));
                }

                return new LinesBlock(lines, splittable: true);
            }

            case ElementType.Lyrics:
                return new LinesBlock(Lines(LineKind.Lyrics, Formats.Lyrics, text, map, index, Emphasis.Italic), splittable: true);
            case ElementType.Parenthetical:
                return new LinesBlock(Lines(LineKind.Parenthetical, Formats.Parenthetical, text, map, index), splittable: false);
            case ElementType.Dialogue:
                return new LinesBlock(Lines(LineKind.Dialogue, Formats.Dialogue, text, map, index), splittable: true);
            default:
                return new ActionBlock(new WrappedPart(LineKind.Action, text, map, index, Formats.Action, DualSide.None, 0, text.Length));
        }
    }

    private static List<DraftLine> Lines(LineKind kind, Format format, StyledText text, int[] map, int index, Emphasis extra = Emphasis.None)
    {
        var lines = new List<DraftLine>();
        foreach (var slice in LineWrapper.Wrap(text.Plain, 0, text.Length, format.Width))
        {
            lines.Add(Paginator.DraftOf(kind, Formats.X(format.Column), text, slice, map, index, extra: extra));
        }

        return lines;
    }

    /// <summary>Adds the dialogue group at <paramref name="cue"/> (and its dual partner); returns the next element index.</summary>
    private int AddDialogue(int cue, PooledList<Block> blocks)
    {
        var end = GroupEnd(cue);
        if (end < _elements.Length && _elements[end].Type == ElementType.Character && _elements[end].Dual)
        {
            var rightEnd = GroupEnd(end);
            var left = Group(cue, end, DualSide.Left);
            var right = Group(end, rightEnd, DualSide.Right);
            var pair = new DualBlock(left, right);
            // Side by side only while it can move to the next page without leaving half a page blank; a longer
            // exchange prints one speech after the other, where the normal dialogue splitting rules apply.
            if (pair.Height <= bodyRows / 2)
            {
                blocks.Add(pair);
                return rightEnd;
            }
        }

        blocks.Add(Group(cue, end, DualSide.None));
        return end;
    }

    private int GroupEnd(int cue)
    {
        var j = cue + 1;
        while (j < _elements.Length && _elements[j].Type is ElementType.Parenthetical or ElementType.Dialogue)
        {
            j++;
        }

        return j;
    }

    private DialogueBlock Group(int cue, int end, DualSide side)
    {
        var formats = side switch
        {
            DualSide.Left => Formats.DualLeft,
            DualSide.Right => Formats.DualRight,
            _ => new DualFormats(Formats.Character, Formats.Parenthetical, Formats.Dialogue),
        };

        var cueElement = _elements[cue];
        var cueText = StyledText.From(cueElement.Runs, cueElement.Text);
        var cueMap = SourceMap.Build(document.Source, cueElement.Span, cueText.Plain);
        var cueLines = new List<DraftLine>();
        foreach (var slice in LineWrapper.Wrap(cueText.Plain, 0, cueText.Length, formats.Character.Width))
        {
            cueLines.Add(Paginator.DraftOf(LineKind.Character, Formats.X(formats.Character.Column), cueText, slice, cueMap, cue, side));
        }

        var parts = new List<WrappedPart>();
        for (var j = cue + 1; j < end; j++)
        {
            var element = _elements[j];
            var text = StyledText.From(element.Runs, element.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var map = SourceMap.Build(document.Source, element.Span, text.Plain);
            var (kind, format) = element.Type == ElementType.Parenthetical
                ? (LineKind.Parenthetical, formats.Parenthetical)
                : (LineKind.Dialogue, formats.Dialogue);
            parts.Add(new WrappedPart(kind, text, map, j, format, side, 0, text.Length));
        }

        var continued = ContinuedCue(cueText, cueLines.Count > 0 ? cueLines[0] : default, cueElement, cue, formats.Character, side);
        return new DialogueBlock(cueLines, parts, continued, formats.Character);
    }

    /// <summary>"NAME (CONT'D)" for the top of the next page; a cue that already says CONT'D stays as it is.</summary>
    private static DraftLine ContinuedCue(StyledText cueText, DraftLine first, Element cueElement, int cue, Format format, DualSide side)
    {
        var name = cueText.Plain.Replace('\n', ' ').Trim();
        var runs = name.Contains("(CONT'D)", StringComparison.OrdinalIgnoreCase) || name.Contains("(CONT’D)", StringComparison.OrdinalIgnoreCase)
            ? cueText.Runs(0, cueText.Length)
            : cueText.Runs(0, cueText.Length).Add(new TextRun(" (CONT'D)"));
        return new DraftLine(LineKind.Character, Formats.X(format.Column), runs, cue, cueElement.Span.Start, first.SourceLength, side);
    }
}
