using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// A paragraph wrapped to its column that may be cut between sentences: a parenthetical or a dialogue paragraph of a
/// dialogue group, or an action paragraph. A cut keeps the wrap of what stays and shares the wrap of the rest.
/// </summary>
internal sealed class WrappedPart
{
    private readonly SourceMap _map;

    public WrappedPart(LineKind kind, StyledText text, SourceMap map, int elementIndex, Format format, DualSide dual, int start, int end, LineView? lines = null)
    {
        Kind = kind;
        Text = text;
        _map = map;
        ElementIndex = elementIndex;
        Format = format;
        Dual = dual;
        Start = start;
        End = end;
        Lines = lines ?? LineView.Wrap(text.Plain, start, end, format.Width);
    }

    public LineKind Kind { get; }

    public StyledText Text { get; }

    public int ElementIndex { get; }

    public Format Format { get; }

    public DualSide Dual { get; }

    public int Start { get; }

    public int End { get; }

    public LineView Lines { get; }

    public WrappedPart Prefix(int end) => new(Kind, Text, _map, ElementIndex, Format, Dual, Start, end);

    /// <summary>The part from <paramref name="start"/> on, sharing this part's wrapped lines once they line up again.</summary>
    public WrappedPart Suffix(int start) =>
        new(Kind, Text, _map, ElementIndex, Format, Dual, start, End, LineView.Suffix(Lines, Text.Plain, start, End, Format.Width));

    public int SourceAt(int index) => _map[index];

    /// <summary>Widens <paramref name="extent"/> by the source of every printed line (no runs built: for locked-page extents).</summary>
    public void WidenExtent(ref (int Start, int End) extent)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            var (start, length) = _map.RangeOf(Lines[i]);
            if (length > 0)
            {
                extent = (Math.Min(extent.Start, start), Math.Max(extent.End, start + length));
            }
        }
    }

    public DraftLine Draft(Slice line) => Paginator.DraftOf(Kind, Formats.X(Format.Column), Text, line, _map, ElementIndex, Dual);
}
