using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Builds the scene index: a scene runs from its heading to the element before the next heading or section
/// (a section opens a new part of the outline, so it does not belong to the scene before it).
/// </summary>
internal static class SceneIndexer
{
    public static ImmutableArray<Scene> Build(IReadOnlyList<Element> elements)
    {
        var scenes = ImmutableArray.CreateBuilder<Scene>();
        var sections = new List<string>();
        var sectionLevels = new List<int>();
        ImmutableArray<string> path = [];
        var characters = new List<string>();
        int i = 0;
        while (i < elements.Count)
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
            characters.Clear();
            for (int j = i + 1; j < elements.Count; j++)
            {
                var t = elements[j].Type;
                if (t is ElementType.SceneHeading or ElementType.Section)
                {
                    break;
                }

                last = j;
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

    /// <summary>The cue without its extensions: <c>MARGO (V.O.) (CONT'D)</c> is <c>MARGO</c>.</summary>
    public static string CharacterName(string cue)
    {
        int paren = cue.IndexOf('(');
        return paren < 0 ? cue : cue[..paren].TrimEnd();
    }
}
