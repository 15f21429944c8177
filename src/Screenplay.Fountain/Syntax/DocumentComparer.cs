using System.Collections.Immutable;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// Compares documents by content. Records holding <see cref="ImmutableArray{T}"/> compare those arrays by reference,
/// so <c>==</c> says nothing useful about two parses; this walks every element, run, scene and note.
/// </summary>
public static class DocumentComparer
{
    public static bool Equal(Document a, Document b) => FirstDifference(a, b) is null;

    /// <summary>A short description of the first difference found, or null when the documents have the same content.</summary>
    public static string? FirstDifference(Document a, Document b)
    {
        if (!string.Equals(a.Source, b.Source, StringComparison.Ordinal))
        {
            return "source text differs";
        }

        return Compare("title page", a.TitlePage, b.TitlePage, (x, y) => x == y ? null : $"{x} vs {y}")
            ?? Compare("element", a.Elements, b.Elements, ElementDifference)
            ?? Compare("scene", a.Scenes, b.Scenes, SceneDifference)
            ?? Compare("note", a.Notes, b.Notes, (x, y) => x == y ? null : $"{x} vs {y}");
    }

    private static string? Compare<T>(string what, IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, string?> diff)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (diff(a[i], b[i]) is { } d)
            {
                return $"{what} {i}: {d}";
            }
        }

        return a.Count == b.Count ? null : $"{what} count {a.Count} vs {b.Count}";
    }

    private static string? ElementDifference(Element x, Element y)
    {
        if (x.Type != y.Type || x.Text != y.Text || x.Span != y.Span || x.SceneNumber != y.SceneNumber || x.Dual != y.Dual || x.Level != y.Level)
        {
            return $"{Describe(x)} vs {Describe(y)}";
        }

        return x.Runs.SequenceEqual(y.Runs) ? null : $"runs of {Describe(x)}";
    }

    private static string Describe(Element e) =>
        $"{e.Type} \"{e.Text}\" {e.Span} #{e.SceneNumber} dual={e.Dual} level={e.Level}";

    private static string? SceneDifference(Scene x, Scene y)
    {
        bool same = x.Heading == y.Heading && x.Number == y.Number && x.Span == y.Span && x.FirstElement == y.FirstElement
            && x.ElementCount == y.ElementCount && x.Synopsis == y.Synopsis
            && x.SectionPath.SequenceEqual(y.SectionPath) && x.Characters.SequenceEqual(y.Characters);
        return same ? null : $"\"{x.Heading}\" {x.Span} [{x.FirstElement}+{x.ElementCount}] vs \"{y.Heading}\" {y.Span} [{y.FirstElement}+{y.ElementCount}]";
    }
}
