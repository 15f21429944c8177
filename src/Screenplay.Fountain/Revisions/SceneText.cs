using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Revisions;

/// <summary>A scene's source text with the word counts used to match it; index -1 is the text before the first scene.</summary>
internal sealed class SceneText
{
    private SceneText(int index, string heading, string text, SourceSpan span)
    {
        Index = index;
        Heading = heading;
        Text = text;
        Span = span;
        HeadingKey = heading.Trim().ToUpperInvariant();
        HeadingWords = Count(HeadingKey);
        Words = Count(text);
        WordCount = Words.Values.Sum();
    }

    public int Index { get; }
    public string Heading { get; }
    public string HeadingKey { get; }

    /// <summary>The scene's source from its heading up to the next scene, trailing blank lines left out.</summary>
    public string Text { get; }
    public SourceSpan Span { get; }
    public Dictionary<string, int> HeadingWords { get; }
    public Dictionary<string, int> Words { get; }
    public int WordCount { get; }

    public static List<SceneText> Of(Document document)
    {
        var source = document.Source;
        var scenes = document.Scenes;
        var result = new List<SceneText>(scenes.Length + 1);
        var openingEnd = scenes.Length > 0 ? scenes[0].Span.Start : source.Length;
        if (!string.IsNullOrWhiteSpace(source[..openingEnd]))
        {
            result.Add(new SceneText(-1, "", source[..openingEnd].TrimEnd(), new SourceSpan(0, openingEnd, 1)));
        }

        for (var i = 0; i < scenes.Length; i++)
        {
            var start = scenes[i].Span.Start;
            var end = i + 1 < scenes.Length ? scenes[i + 1].Span.Start : source.Length;
            result.Add(new SceneText(i, scenes[i].Heading, source[start..end].TrimEnd(), new SourceSpan(start, end - start, scenes[i].Span.Line)));
        }

        return result;
    }

    public ImmutableArray<Note> NotesIn(Document document) =>
        [.. document.Notes.Where(n => n.Span.Start >= Span.Start && n.Span.Start < Span.End)];

    private static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var piece in WordTokens.Instance.Chunk(text))
        {
            if (WordTokens.IsWord(piece))
            {
                var key = piece.ToUpperInvariant();
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }
}
