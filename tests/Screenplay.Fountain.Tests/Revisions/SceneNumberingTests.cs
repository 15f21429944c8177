using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Revisions;

public sealed class SceneNumberingTests
{
    private static string[] Numbers(string text) => [.. Fountain.Parse(text).Scenes.Select(s => s.Number ?? "-")];

    private static string[] Headings(string text) => [.. Fountain.Parse(text).Scenes.Select(s => s.Heading)];

    private static (string Text, IReadOnlyList<string> Locked) Locked(string text)
    {
        var plan = SceneNumbering.Lock(Fountain.Parse(text));
        return (plan.ApplyTo(text), plan.Numbers);
    }

    private static (string Text, IReadOnlyList<string> Locked) Update(string text, IReadOnlyList<string> locked)
    {
        var plan = SceneNumbering.Update(Fountain.Parse(text), locked);
        return (plan.ApplyTo(text), plan.Numbers);
    }

    [Fact]
    public void Locking_writes_numbers_one_to_n_into_the_headings()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b"), ScriptText.Standard("c")));
        Assert.Equal(["1", "2", "3"], Numbers(text));
        Assert.Equal(["1", "2", "3"], locked);
        Assert.Contains("INT. A ROOM - DAY #1#\n", text);
    }

    [Fact]
    public void A_scene_inserted_after_two_becomes_2A_then_2B_and_one_between_them_2AA()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b"), ScriptText.Standard("c")));
        text = text.Replace("INT. C ROOM", ScriptText.Standard("new").TrimEnd() + "\n\nINT. C ROOM");
        (text, locked) = Update(text, locked);
        Assert.Equal(["1", "2", "2A", "3"], Numbers(text));

        text = text.Replace("INT. C ROOM", ScriptText.Standard("newer").TrimEnd() + "\n\nINT. C ROOM");
        (text, locked) = Update(text, locked);
        Assert.Equal(["1", "2", "2A", "2B", "3"], Numbers(text));

        text = text.Replace("INT. NEWER ROOM", ScriptText.Standard("between").TrimEnd() + "\n\nINT. NEWER ROOM");
        (text, locked) = Update(text, locked);
        Assert.Equal(["1", "2", "2A", "2AA", "2B", "3"], Numbers(text));
        Assert.Equal(["1", "2", "2A", "2AA", "2B", "3"], locked);
    }

    [Fact]
    public void A_deleted_scene_stays_in_place_as_omitted_and_unlocking_renumbers()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b"), ScriptText.Standard("c")));
        var b = text.IndexOf("INT. B ROOM", StringComparison.Ordinal);
        text = text.Remove(b, text.IndexOf("INT. C ROOM", StringComparison.Ordinal) - b);
        (text, locked) = Update(text, locked);

        Assert.Equal(["1", "2", "3"], Numbers(text));
        Assert.Equal(["A ROOM - DAY", "OMITTED", "C ROOM - DAY"], Headings(text).Select(h => h.Replace("INT. ", "")));
        Assert.Contains(".OMITTED #2#\n", text);

        // A new scene where the omitted one stood does not take its number.
        text = text.Replace("INT. C ROOM", ScriptText.Standard("d").TrimEnd() + "\n\nINT. C ROOM");
        (text, _) = Update(text, locked);
        Assert.Equal(["1", "2", "2A", "3"], Numbers(text));

        var unlocked = SceneNumberPlanApply(text, SceneNumbering.Unlock(Fountain.Parse(text)));
        Assert.Equal(["-", "-", "-"], Numbers(unlocked));
        Assert.DoesNotContain("OMITTED", unlocked);
        Assert.Equal(["INT. A ROOM - DAY", "INT. D ROOM - DAY", "INT. C ROOM - DAY"], Headings(unlocked));
    }

    [Fact]
    public void Without_placeholders_new_scenes_get_the_same_letters_and_deleted_numbers_stay_retired()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b"), ScriptText.Standard("c")));
        var b = text.IndexOf("INT. B ROOM", StringComparison.Ordinal);
        text = text.Remove(b, text.IndexOf("INT. C ROOM", StringComparison.Ordinal) - b);
        text = text.Replace("INT. C ROOM", ScriptText.Standard("d").TrimEnd() + "\n\nINT. C ROOM");

        var quiet = SceneNumbering.Update(Fountain.Parse(text), locked, placeOmitted: false);
        var full = SceneNumbering.Update(Fountain.Parse(text), locked);

        Assert.Equal(["1", "1A", "3"], Numbers(quiet.ApplyTo(text)));
        Assert.DoesNotContain("OMITTED", quiet.ApplyTo(text));
        Assert.Equal(["1", "1A", "2", "3"], Numbers(full.ApplyTo(text)));
        Assert.Equal<string>(full.Numbers, quiet.Numbers);
        Assert.Equal<int>([1], quiet.Lettered);
    }

    [Fact]
    public void The_last_scene_deleted_leaves_a_placeholder_at_the_end()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b")));
        text = text[..text.IndexOf("INT. B ROOM", StringComparison.Ordinal)];
        (text, _) = Update(text, locked);
        Assert.Equal(["1", "2"], Numbers(text));
        Assert.EndsWith(".OMITTED #2#\n", text);
    }

    [Fact]
    public void A_pasted_copy_of_a_numbered_heading_gets_a_new_number()
    {
        var (text, locked) = Locked(ScriptText.Of(ScriptText.Standard("a"), ScriptText.Standard("b")));
        var copy = text[text.IndexOf("INT. A ROOM", StringComparison.Ordinal)..text.IndexOf("INT. B ROOM", StringComparison.Ordinal)];
        text += "\n" + copy;
        (text, _) = Update(text, locked);
        Assert.Equal(["1", "2", "2A"], Numbers(text));
    }

    /// <summary>
    /// Property: whatever scenes are inserted, deleted or moved, after an update every number is unique, every locked
    /// number survives (on its scene or as OMITTED), kept scenes keep theirs, and a second update changes nothing.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_edits_keep_numbers_unique_stable_and_retired(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 8).Select(i => $"s{i}").ToList();
        var (text, locked) = Locked(ScriptText.Of([.. names.Select(ScriptText.Standard)]));
        var next = 100;
        for (var round = 0; round < 6; round++)
        {
            var numberOf = Fountain.Parse(text).Scenes.Where(s => s.Heading != "OMITTED").ToDictionary(s => s.Heading, s => s.Number);
            var blocks = SplitScenes(text, out var opening);
            for (var op = 0; op < 3; op++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        blocks.Insert(random.Next(blocks.Count + 1), ScriptText.Standard($"n{next++}"));
                        break;
                    case 1 when blocks.Count > 1:
                        blocks.RemoveAt(random.Next(blocks.Count));
                        break;
                    default:
                        var from = random.Next(blocks.Count);
                        var moved = blocks[from];
                        blocks.RemoveAt(from);
                        blocks.Insert(random.Next(blocks.Count + 1), moved);
                        break;
                }
            }

            text = opening + string.Concat(blocks);
            (text, locked) = Update(text, locked);
            var scenes = Fountain.Parse(text).Scenes;
            var numbers = scenes.Select(s => s.Number).ToList();
            Assert.All(numbers, Assert.NotNull);
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            Assert.Equal(numbers.Order(), locked.Order());
            foreach (var scene in scenes.Where(s => s.Heading != "OMITTED" && numberOf.ContainsKey(s.Heading)))
            {
                Assert.Equal(numberOf[scene.Heading], scene.Number);
            }

            Assert.Empty(SceneNumbering.Update(Fountain.Parse(text), locked).Edits);
        }
    }

    private static List<string> SplitScenes(string text, out string opening)
    {
        var document = Fountain.Parse(text);
        var starts = document.Scenes.Select(s => s.Span.Start).Append(text.Length).ToList();
        opening = text[..starts[0]];
        var blocks = new List<string>();
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            var block = text[starts[i]..starts[i + 1]].TrimEnd() + "\n\n";
            blocks.Add(block);
        }

        return blocks;
    }

    private static string SceneNumberPlanApply(string text, System.Collections.Immutable.ImmutableArray<Screenplay.Fountain.Text.TextChange> edits) =>
        new SceneNumberPlan(edits, []).ApplyTo(text);
}
