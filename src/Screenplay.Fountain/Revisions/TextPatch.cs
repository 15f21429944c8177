using System.Collections.Immutable;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Revisions;

/// <summary>Small edits that turn one text into another: what a restore pushes, so collaborators' cursors and notes move only where text really changed.</summary>
public static class TextPatch
{
    /// <summary>Replacements in <paramref name="from"/>'s coordinates, sorted, turning it into <paramref name="to"/>.</summary>
    public static ImmutableArray<TextChange> Between(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = ImmutableArray.CreateBuilder<TextChange>();
        foreach (var block in TextDiff.Lines(from, to))
        {
            if (block.OldLength == 0 || block.NewLength == 0)
            {
                changes.Add(new TextChange(block.OldStart, block.OldLength, to.Substring(block.NewStart, block.NewLength)));
                continue;
            }

            var oldBlock = from.Substring(block.OldStart, block.OldLength);
            var newBlock = to.Substring(block.NewStart, block.NewLength);
            foreach (var word in TextDiff.Words(oldBlock, newBlock))
            {
                changes.Add(new TextChange(block.OldStart + word.OldStart, word.OldLength, newBlock.Substring(word.NewStart, word.NewLength)));
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>The same edits as a change set over <paramref name="from"/>.</summary>
    public static ChangeSet ChangeSetBetween(string from, string to) => ChangeSet.Of(Between(from, to), from.Length);
}
