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

    public static ImmutableArray<Scene> Build(ElementList elements)
    {
        var scenes = ImmutableArray.CreateBuilder<Scene>();
        new Walker(elements, scenes, [], []).Walk(0, elements.Length);
        return scenes.ToImmutable();
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
        new Walker(elements, scenes, path, levels).Walk(from, to);

        for (int i = shiftFrom; i < old.Length; i++)
        {
            var s = old[i];
            scenes.Add(r.Delta == 0 && r.LineDelta == 0 && r.CountDelta == 0
                ? s
                : s with { Span = new SourceSpan(s.Span.Start + r.Delta, s.Span.Length, s.Span.Line + r.LineDelta), FirstElement = s.FirstElement + r.CountDelta });
        }

        return scenes.ToImmutable();
    }

    /// <summary>Walks elements, keeping the open sections, and adds a scene for each heading.</summary>
    private ref struct Walker(ElementList elements, ImmutableArray<Scene>.Builder scenes, ImmutableArray<string> path, ImmutableArray<int> levels)
    {
        private ImmutableArray<string> _path = path;
        private ImmutableArray<int> _levels = levels;

        public void Walk(int from, int to)
        {
            List<string>? characters = null;
            int i = from;
            while (i < to)
            {
                var e = elements[i];
                if (e.Type == ElementType.Section)
                {
                    int keep = _levels.Length;
                    while (keep > 0 && _levels[keep - 1] >= e.Level)
                    {
                        keep--;
                    }

                    _path = [.. _path.AsSpan(0, keep), e.Text];
                    _levels = [.. _levels.AsSpan(0, keep), e.Level];
                    i++;
                    continue;
                }

                if (e.Type != ElementType.SceneHeading)
                {
                    i++;
                    continue;
                }

                int last = i;
                characters ??= [];
                characters.Clear();
                while (last + 1 < elements.Length && elements[last + 1].Type is not (ElementType.SceneHeading or ElementType.Section))
                {
                    last++;
                    if (elements[last].Type == ElementType.Character)
                    {
                        string name = CharacterName(elements[last].Text);
                        if (name.Length > 0 && !characters.Contains(name))
                        {
                            characters.Add(name);
                        }
                    }
                }

                var end = elements[last].Span.End;
                string? synopsis = i + 1 <= last && elements[i + 1].Type == ElementType.Synopsis ? elements[i + 1].Text : null;
                scenes.Add(new Scene(e.Text, e.SceneNumber, new SourceSpan(e.Span.Start, end - e.Span.Start, e.Span.Line), i, last - i + 1)
                {
                    Synopsis = synopsis,
                    SectionPath = _path,
                    SectionLevels = _levels,
                    Characters = [.. characters],
                });
                i = last + 1;
            }
        }
    }

    /// <summary>The cue without its extensions: <c>MARGO (V.O.) (CONT'D)</c> is <c>MARGO</c>.</summary>
    public static string CharacterName(string cue)
    {
        int paren = cue.IndexOf('(');
        return paren < 0 ? cue : cue[..paren].TrimEnd();
    }
}
