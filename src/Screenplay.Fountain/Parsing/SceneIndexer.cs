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
    /// old ones moved by <c>CountDelta</c> places and <c>Delta</c> characters. Scenes wholly outside are reused.
    /// </summary>
    internal readonly record struct Reuse(
        ImmutableArray<Scene> Old, int FirstChanged, int NewEndOfChanged, int CountDelta, int Delta, int LineDelta, bool SectionsChanged);

    public static ImmutableArray<Scene> Build(ImmutableArray<Element> elements, Reuse? reuse = null)
    {
        int oldIndex = 0;
        var scenes = ImmutableArray.CreateBuilder<Scene>();
        var sections = new List<string>();
        var sectionLevels = new List<int>();
        ImmutableArray<string> path = [];
        var characters = new List<string>();
        int i = 0;
        while (i < elements.Length)
        {
            var e = elements[i];
            if (e.Type == ElementType.Section)
            {
                while (sectionLevels.Count > 0 && sectionLevels[^1] >= e.Level)
                {
                    sectionLevels.RemoveAt(sectionLevels.Count - 1);
                    sections.RemoveAt(sections.Count - 1);
                }

                sectionLevels.Add(e.Level);
                sections.Add(e.Text);
                path = [.. sections];
                i++;
                continue;
            }

            if (e.Type != ElementType.SceneHeading)
            {
                i++;
                continue;
            }

            int first = i;
            int last = i;
            while (last + 1 < elements.Length && elements[last + 1].Type is not (ElementType.SceneHeading or ElementType.Section))
            {
                last++;
            }

            if (reuse is { } r && Reused(r, first, last, ref oldIndex) is { } reused)
            {
                scenes.Add(reused);
                i = last + 1;
                continue;
            }

            characters.Clear();
            for (int j = i + 1; j <= last; j++)
            {
                var t = elements[j].Type;
                if (t == ElementType.Character)
                {
                    string name = CharacterName(elements[j].Text);
                    if (name.Length > 0 && !characters.Contains(name))
                    {
                        characters.Add(name);
                    }
                }
            }

            var end = elements[last].Span.End;
            string? synopsis = first + 1 <= last && elements[first + 1].Type == ElementType.Synopsis ? elements[first + 1].Text : null;
            scenes.Add(new Scene(e.Text, e.SceneNumber, new SourceSpan(e.Span.Start, end - e.Span.Start, e.Span.Line), first, last - first + 1)
            {
                Synopsis = synopsis,
                SectionPath = path,
                Characters = [.. characters],
            });
            i = last + 1;
        }

        return scenes.ToImmutable();
    }

    private static Scene? Reused(Reuse r, int first, int last, ref int oldIndex)
    {
        bool before = last + 1 < r.FirstChanged;
        bool after = first >= r.NewEndOfChanged && !r.SectionsChanged;
        if (!before && !after)
        {
            return null;
        }

        int oldFirst = before ? first : first - r.CountDelta;
        while (oldIndex < r.Old.Length && r.Old[oldIndex].FirstElement < oldFirst)
        {
            oldIndex++;
        }

        if (oldIndex >= r.Old.Length || r.Old[oldIndex].FirstElement != oldFirst)
        {
            return null;
        }

        var old = r.Old[oldIndex];
        if (before || (r.Delta == 0 && r.LineDelta == 0 && r.CountDelta == 0))
        {
            return old;
        }

        return old with { Span = new SourceSpan(old.Span.Start + r.Delta, old.Span.Length, old.Span.Line + r.LineDelta), FirstElement = first };
    }

    /// <summary>The cue without its extensions: <c>MARGO (V.O.) (CONT'D)</c> is <c>MARGO</c>.</summary>
    public static string CharacterName(string cue)
    {
        int paren = cue.IndexOf('(');
        return paren < 0 ? cue : cue[..paren].TrimEnd();
    }
}
