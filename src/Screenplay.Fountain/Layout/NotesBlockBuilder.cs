using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Turns <see cref="PageLayout.SceneNotes"/> into blocks that flow with the script: after the scene's last element,
/// a "NOTES" heading and one bullet per note, indented 0.5 in more than action and 1 in narrower. The block is a
/// normal splittable paragraph (at least two lines on either side of a page break), so page breaks stay right and the
/// preview and PDF agree; its lines print nothing of the source (element index -1, empty source range).
/// </summary>
internal static class NotesBlockBuilder
{
    /// <summary>Notes text column: from 2.0 in, 50 characters wide (ends 0.5 in before the action column's right edge).</summary>
    public static readonly Format Column = new(20, 50);

    private const string Bullet = "- ";

    /// <summary>
    /// The notes blocks in print order, each with the element index it goes before (its scene's end; the element count
    /// for the last scene). Notes of a scene index the document does not have are left out.
    /// </summary>
    public static Queue<(int End, Block Block)> ByEnd(Document document, ImmutableArray<SceneNotes> notes)
    {
        var result = new Queue<(int End, Block Block)>();
        if (notes.IsDefaultOrEmpty || document.Scenes.IsDefaultOrEmpty)
        {
            return result;
        }

        foreach (var scene in notes.OrderBy(n => n.SceneIndex))
        {
            if (scene.SceneIndex < 0 || scene.SceneIndex >= document.Scenes.Length || scene.Items.IsDefaultOrEmpty)
            {
                continue;
            }

            var info = document.Scenes[scene.SceneIndex];
            if (Build(scene.Items) is { } block)
            {
                result.Enqueue((Math.Min(document.Elements.Length, info.FirstElement + info.ElementCount), block));
            }
        }

        return result;
    }

    private static LinesBlock? Build(ImmutableArray<string> items)
    {
        var lines = new List<DraftLine> { Line(LineKind.NoteHeading, 0, "NOTES", Emphasis.Bold) };
        foreach (var item in items)
        {
            var text = Flatten(item);
            if (text.Length == 0)
            {
                continue;
            }

            var wrapped = LineWrapper.Wrap(text, 0, text.Length, Column.Width - Bullet.Length);
            for (var i = 0; i < wrapped.Count; i++)
            {
                var slice = wrapped[i];
                var piece = text[slice.Start..slice.End];
                lines.Add(i == 0
                    ? Line(LineKind.Note, 0, Bullet + piece)
                    : Line(LineKind.Note, Bullet.Length, piece));
            }
        }

        return lines.Count > 1 ? new LinesBlock([.. lines], splittable: true) : null;
    }

    private static DraftLine Line(LineKind kind, int indent, string text, Emphasis emphasis = Emphasis.None) =>
        new(kind, Formats.X(Column.Column + indent), [new TextRun(text, emphasis)], -1, 0, 0);

    /// <summary>One paragraph per note: line breaks and runs of white space become single spaces, control characters go.</summary>
    private static string Flatten(string item)
    {
        var builder = new System.Text.StringBuilder(item.Length);
        var space = false;
        foreach (var c in item)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
