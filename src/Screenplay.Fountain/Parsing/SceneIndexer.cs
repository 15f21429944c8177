using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Builds the scene index: a scene runs from its heading to the element before the next heading or section
/// (a section opens a new part of the outline, so it does not belong to the scene before it).
/// </summary>
internal static class SceneIndexer
{
    /// <summary>
    /// What an incremental re-parse changed: elements <c>[FirstChanged, NewEndOfChanged)</c> are new, those after are the
    /// old ones moved by <c>CountDelta</c> places, <c>Delta</c> characters and <c>LineDelta</c> lines.
    /// </summary>
    internal readonly record struct Reuse(
        ImmutableArray<Scene> Old, int FirstChanged, int NewEndOfChanged, int CountDelta, int Delta, int LineDelta, bool SectionsChanged);

    /// <summary>
    /// A sink that hands each element on to a list and indexes it on the way, so a full parse indexes an element while
    /// it is still in the cache instead of walking the whole list again afterwards (on a script five times the feature's
    /// length, that second walk missed the cache on nearly every element).
    /// </summary>
    internal sealed class Indexing(ElementList.Builder elements) : IElementSink
    {
        private readonly ImmutableArray<Scene>.Builder _scenes = ImmutableArray.CreateBuilder<Scene>();
        private Walker? _walker;

        public void Add(Element element)
        {
            (_walker ??= new Walker(_scenes, [], [])).Add(element, element.Span, elements.Count);
            elements.Add(element);
        }

        public ImmutableArray<Scene> Scenes()
        {
            _walker?.Close();
            return _scenes.ToImmutable();
        }
    }

    /// <summary>
    /// Scenes that end before the change are kept, scenes after it are shifted (unless a section changed, which can
    /// change every later section path); only the scenes in between are built again, so a keystroke does not walk
    /// thousands of elements.
    /// </summary>
    public static ImmutableArray<Scene> Build(ElementList elements, Reuse r)
    {
        var old = r.Old;
        int keep = 0;
        while (keep < old.Length && old[keep].FirstElement + old[keep].ElementCount < r.FirstChanged)
        {
            keep++;
        }

        int oldEndOfChanged = r.NewEndOfChanged - r.CountDelta;
        int shiftFrom = old.Length;
        if (!r.SectionsChanged)
        {
            shiftFrom = keep;
            while (shiftFrom < old.Length && old[shiftFrom].FirstElement < oldEndOfChanged)
            {
                shiftFrom++;
            }
        }

        var scenes = ImmutableArray.CreateBuilder<Scene>(old.Length + 4);
        for (int i = 0; i < keep; i++)
        {
            scenes.Add(old[i]);
        }

        int from = keep > 0 ? old[keep - 1].FirstElement + old[keep - 1].ElementCount : 0;
        int to = shiftFrom < old.Length ? old[shiftFrom].FirstElement + r.CountDelta : elements.Length;
        var path = keep > 0 ? old[keep - 1].SectionPath : [];
        var levels = keep > 0 ? old[keep - 1].SectionLevels : [];
        var walker = new Walker(scenes, path, levels);
        for (int i = from; i < to; i++)
        {
            walker.Add(elements.Unshifted(i), elements.SpanAt(i), i); // spans come shifted; the rest needs no copy
        }

        walker.Close();

        for (int i = shiftFrom; i < old.Length; i++)
        {
            var s = old[i];
            scenes.Add(r.Delta == 0 && r.LineDelta == 0 && r.CountDelta == 0
                ? s
                : s with { Span = new SourceSpan(s.Span.Start + r.Delta, s.Span.Length, s.Span.Line + r.LineDelta), FirstElement = s.FirstElement + r.CountDelta });
        }

        return scenes.ToImmutable();
    }

    /// <summary>
    /// Takes elements in order, keeping the open sections and the open scene; a scene ends at the element before the next
    /// heading or section, or at <see cref="Close"/>. It needs nothing but the element at hand and the one before it.
    /// </summary>
    private sealed class Walker(ImmutableArray<Scene>.Builder scenes, ImmutableArray<string> path, ImmutableArray<int> levels)
    {
        private readonly List<string> _characters = [];
        private ImmutableArray<string> _path = path;
        private ImmutableArray<int> _levels = levels;
        private Element? _heading;
        private SourceSpan _headingSpan;
        private int _headingIndex;
        private string? _synopsis;
        private SourceSpan _previousSpan;
        private int _previousIndex;

        /// <summary>The next element, with its span (which may differ from the stored element's: see <see cref="ElementList"/>).</summary>
        public void Add(Element e, SourceSpan span, int index)
        {
            switch (e.Type)
            {
                case ElementType.Section:
                    Close();
                    int keep = _levels.Length;
                    while (keep > 0 && _levels[keep - 1] >= e.Level)
                    {
                        keep--;
                    }

                    _path = [.. _path.AsSpan(0, keep), e.Text];
                    _levels = [.. _levels.AsSpan(0, keep), e.Level];
                    break;
                case ElementType.SceneHeading:
                    Close();
                    _heading = e;
                    _headingSpan = span;
                    _headingIndex = index;
                    break;
                case ElementType.Synopsis when _heading is not null && index == _headingIndex + 1:
                    _synopsis = e.Text;
                    break;
                case ElementType.Character when _heading is not null:
                    string name = CharacterName(e.Text);
                    if (name.Length > 0 && !_characters.Contains(name))
                    {
                        _characters.Add(name);
                    }

                    break;
            }

            _previousSpan = span;
            _previousIndex = index;
        }

        /// <summary>Ends the open scene (if any) at the last element taken.</summary>
        public void Close()
        {
            if (_heading is not { } h)
            {
                return;
            }

            var end = _previousSpan.End;
            scenes.Add(new Scene(h.Text, h.SceneNumber, new SourceSpan(_headingSpan.Start, end - _headingSpan.Start, _headingSpan.Line), _headingIndex, _previousIndex - _headingIndex + 1)
            {
                Synopsis = _synopsis,
                SectionPath = _path,
                SectionLevels = _levels,
                Characters = [.. _characters],
            });
            _heading = null;
            _synopsis = null;
            _characters.Clear();
        }
    }

    /// <summary>The cue without its extensions: <c>MARGO (V.O.) (CONT'D)</c> is <c>MARGO</c>.</summary>
    public static string CharacterName(string cue)
    {
        int paren = cue.IndexOf('(');
        return paren < 0 ? cue : cue[..paren].TrimEnd();
    }
}
