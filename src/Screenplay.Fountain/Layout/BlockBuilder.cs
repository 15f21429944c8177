using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Turns the document's elements into blocks of wrapped lines, in order, as the page flow asks for them (so a long
/// script's blocks never all exist at once). Sections, synopses and notes do not print.
/// </summary>
internal sealed class BlockBuilder(Document document, int bodyRows, ImmutableArray<SceneNotes> sceneNotes = default)
{
    private readonly ElementList _elements = document.Elements;
    private readonly string _source = document.Source;
    private readonly Queue<(int End, Block Block)> _notes = NotesBlockBuilder.ByEnd(document, sceneNotes);

    /// <summary>Wrapped lines of the element at hand (reused: only what a block keeps is copied out of it).</summary>
    private readonly List<Slice> _slices = [];
    private int _next;
    private bool _done;
    private int _sceneOrdinal;

    /// <summary>Adds the next element's blocks (none for one that does not print) to <paramref name="into"/>; false once all are given.</summary>
    public bool Next(List<Block> into)
    {
        if (_done)
        {
            return false;
        }

        AddNotesEndingAt(_next, into);
        if (_next >= _elements.Length)
        {
            _done = true;
            return true;
        }

        if (_elements[_next].Type == ElementType.Character)
        {
            _next = AddDialogue(_next, into);
            return true;
        }

        if (Block(_next) is { } block)
        {
            into.Add(block);
        }

        _next++;
        return true;
    }

    /// <summary>Adds the notes blocks of scenes that end before element <paramref name="index"/> (a dialogue group never crosses a scene's end).</summary>
    private void AddNotesEndingAt(int index, List<Block> blocks)
    {
        while (_notes.Count > 0 && _notes.Peek().End <= index)
        {
            blocks.Add(_notes.Dequeue().Block);
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

        var map = SourceMap.Build(_source, element.Span, text.Plain);
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
                Wrap(text, Formats.Transition);
                var lines = new DraftLine[_slices.Count];
                for (var i = 0; i < lines.Length; i++)
                {
                    var slice = _slices[i];
                    var columns = TextColumns.Of(text.Plain.AsSpan(slice.Start, slice.End - slice.Start));
                    lines[i] = Paginator.DraftOf(LineKind.Transition, Formats.X(Formats.RightEdge - columns), text, slice, map, index);
                }

                return new LinesBlock(lines, splittable: false, keepWithPrevious: true);
            }

            case ElementType.Centered:
            {
                var format = Formats.Centered;
                Wrap(text, format);
                var lines = new DraftLine[_slices.Count];
                for (var i = 0; i < lines.Length; i++)
                {
                    var slice = _slices[i];
                    var columns = TextColumns.Of(text.Plain.AsSpan(slice.Start, slice.End - slice.Start));
                    lines[i] = Paginator.DraftOf(LineKind.Centered, Formats.X(format.Column + (format.Width - columns) / 2.0), text, slice, map, index);
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
                return new ActionBlock(Part(LineKind.Action, text, map, index, Formats.Action, DualSide.None));
        }
    }

    /// <summary>Wraps the whole of <paramref name="text"/> into <see cref="_slices"/>.</summary>
    private void Wrap(StyledText text, Format format)
    {
        _slices.Clear();
        LineWrapper.Wrap(text.Plain, 0, text.Length, format.Width, _slices);
    }

    private WrappedPart Part(LineKind kind, StyledText text, SourceMap map, int index, Format format, DualSide side)
    {
        Wrap(text, format);
        return new WrappedPart(kind, text, map, index, format, side, 0, text.Length, LineView.Of(_slices));
    }

    private DraftLine[] Lines(LineKind kind, Format format, StyledText text, SourceMap map, int index, Emphasis extra = Emphasis.None, DualSide side = DualSide.None)
    {
        Wrap(text, format);
        var lines = new DraftLine[_slices.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Paginator.DraftOf(kind, Formats.X(format.Column), text, _slices[i], map, index, side, extra);
        }

        return lines;
    }

    /// <summary>Adds the dialogue group at <paramref name="cue"/> (and its dual partner); returns the next element index.</summary>
    private int AddDialogue(int cue, List<Block> blocks)
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
        var cueMap = SourceMap.Build(_source, cueElement.Span, cueText.Plain);
        var cueLines = Lines(LineKind.Character, formats.Character, cueText, cueMap, cue, side: side);

        var parts = new WrappedPart[end - cue - 1];
        var at = 0;
        for (var j = cue + 1; j < end; j++)
        {
            var element = _elements[j];
            var text = StyledText.From(element.Runs, element.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var map = SourceMap.Build(_source, element.Span, text.Plain);
            var (kind, format) = element.Type == ElementType.Parenthetical
                ? (LineKind.Parenthetical, formats.Parenthetical)
                : (LineKind.Dialogue, formats.Dialogue);
            parts[at++] = Part(kind, text, map, j, format, side);
        }

        if (at < parts.Length)
        {
            Array.Resize(ref parts, at); // an empty paragraph prints nothing
        }

        var continued = new ContinuedCue(cueElement, cue, cueLines.Length > 0 ? cueLines[0].SourceLength : 0, side);
        return new DialogueBlock(cueLines, parts, continued, formats.Character);
    }
}
