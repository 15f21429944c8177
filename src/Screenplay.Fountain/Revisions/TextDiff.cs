using DiffPlex;
using DiffPlex.Chunkers;

namespace Screenplay.Fountain.Revisions;

/// <summary>One difference between two texts, in UTF-16 offsets: old [OldStart, +OldLength) became new [NewStart, +NewLength).</summary>
internal readonly record struct TextEdit(int OldStart, int OldLength, int NewStart, int NewLength);

/// <summary>
/// DiffPlex with chunkers whose pieces concatenate back to the input, so every block can be turned into exact
/// character offsets (DiffPlex itself reports piece indices).
/// </summary>
internal static class TextDiff
{
    /// <summary>Edits between whole lines (line endings kept with their line).</summary>
    public static List<TextEdit> Lines(string oldText, string newText) =>
        Edits(oldText, newText, LineEndingsPreservingChunker.Instance);

    /// <summary>Edits between words, runs of whitespace and single punctuation marks.</summary>
    public static List<TextEdit> Words(string oldText, string newText) =>
        Edits(oldText, newText, WordTokens.Instance);

    /// <summary>The diff as piece arrays and blocks, for callers that want the tokens themselves.</summary>
    public static DiffPlex.Model.DiffResult WordDiff(string oldText, string newText) =>
        Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordTokens.Instance);

    private static List<TextEdit> Edits(string oldText, string newText, IChunker chunker)
    {
        var edits = new List<TextEdit>();
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return edits;
        }

        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var oldOffsets = Offsets(diff.PiecesOld);
        var newOffsets = Offsets(diff.PiecesNew);
        foreach (var block in diff.DiffBlocks)
        {
            var oldStart = oldOffsets[block.DeleteStartA];
            var newStart = newOffsets[block.InsertStartB];
            edits.Add(new TextEdit(
                oldStart, oldOffsets[block.DeleteStartA + block.DeleteCountA] - oldStart,
                newStart, newOffsets[block.InsertStartB + block.InsertCountB] - newStart));
        }

        return edits;
    }

    /// <summary>offsets[i] is where piece i starts; offsets[^1] is the text's length.</summary>
    private static int[] Offsets(IReadOnlyList<string> pieces)
    {
        var offsets = new int[pieces.Count + 1];
        for (var i = 0; i < pieces.Count; i++)
        {
            offsets[i + 1] = offsets[i] + pieces[i].Length;
        }

        return offsets;
    }
}

/// <summary>Splits text into words (letters, digits, apostrophes), runs of whitespace, and single other characters; nothing is dropped.</summary>
internal sealed class WordTokens : IChunker
{
    public static WordTokens Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (IsWordChar(c))
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
            }

            pieces.Add(text[start..i]);
        }

        return pieces;
    }

    public static bool IsWord(string piece) => piece.Length > 0 && IsWordChar(piece[0]);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019';
}
