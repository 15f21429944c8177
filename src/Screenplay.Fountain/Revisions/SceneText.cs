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
    }

    public int Index { get; }
    public string Heading { get; }
    public string HeadingKey { get; }

    /// <summary>The scene's source from its heading up to the next scene, trailing blank lines left out.</summary>
    public string Text { get; }
    public SourceSpan Span { get; }
    // Counted on first use: most scenes of two drafts are identical and matched by text alone.
    public Dictionary<string, int> HeadingWords => _headingWords ??= Count(HeadingKey, 1, out _);

    public Dictionary<string, int> Words => _words ??= Count(Text, MinimumWordLength, out _wordCount);

    /// <summary>Every word of the scene, for the words added or removed with it.</summary>
    public int WordCount
    {
        get
        {
            _ = Words;
            return _wordCount;
        }
    }

    private Dictionary<string, int>? _headingWords;
    private Dictionary<string, int>? _words;
    private int _wordCount;

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

    /// <summary>Body words shorter than this are left out of matching: "the", "a", "and" make any two scenes look alike.</summary>
    private const int MinimumWordLength = 4;

    private static Dictionary<string, int> Count(string text, int minimumLength, out int words)
    {
        // Keys are looked up as spans so only distinct words are allocated.
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!WordTokens.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && WordTokens.IsWordChar(text[i]))
            {
                i++;
            }

            words++;
            if (i - start >= minimumLength)
            {
                var word = text.AsSpan(start, i - start);
                lookup[word] = lookup.TryGetValue(word, out var n) ? n + 1 : 1;
            }
        }

        return counts;
    }
}
