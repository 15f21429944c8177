using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Revisions;

/// <summary>A second draft of a script made by fixed edits: a few scenes reworded, one cut, one new scene.</summary>
internal static class FeatureDrafts
{
    /// <summary>The new text, the headings of the reworded scenes, and where in the new text words were added.</summary>
    public sealed record Draft(string Text, IReadOnlyList<string> ChangedHeadings, IReadOnlyList<int> EditOffsets);

    public static Draft Revise(string text)
    {
        var document = Fountain.Parse(text);
        var scenes = document.Scenes;
        var changed = new List<(Scene Scene, int Offset)>();
        var edits = new List<(int Offset, int Length, string Insert)>();
        foreach (var index in new[] { 3, scenes.Length / 3, scenes.Length / 2, scenes.Length - 5 })
        {
            // Reword the first action paragraph after the heading: one word changes.
            var scene = scenes[index];
            var action = document.Elements.Skip(scene.FirstElement).Take(scene.ElementCount).First(e => e.Type == ElementType.Action);
            var space = text.IndexOf(' ', action.Span.Start);
            edits.Add((space, 1, " suddenly "));
            changed.Add((scene, space));
        }

        // Cut one scene, add one.
        var cut = scenes[scenes.Length / 4];
        var cutEnd = scenes[scenes.Length / 4 + 1].Span.Start;
        edits.Add((cut.Span.Start, cutEnd - cut.Span.Start, ""));
        var before = scenes[2 * scenes.Length / 3];
        edits.Add((before.Span.Start, 0, "EXT. BRAND NEW ROOFTOP - DAWN\n\nA pigeon lands on a satellite dish and stares at the city below.\n\n"));

        var result = text;
        foreach (var (offset, length, insert) in edits.OrderByDescending(e => e.Offset))
        {
            result = result.Remove(offset, length).Insert(offset, insert);
        }

        // Offsets in the new text of each inserted piece (its first letter).
        var offsets = new List<int>();
        var shift = 0;
        foreach (var (offset, length, insert) in edits.OrderBy(e => e.Offset))
        {
            if (insert.Length > 0)
            {
                offsets.Add(offset + shift + insert.IndexOf(insert.Trim()[0]));
            }

            shift += insert.Length - length;
        }

        return new Draft(result, [.. changed.Select(c => c.Scene.Heading)], offsets);
    }
}
