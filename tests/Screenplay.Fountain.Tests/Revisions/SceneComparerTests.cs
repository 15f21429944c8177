using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Revisions;

public sealed class SceneComparerTests
{
    private static ScriptComparison Compare(string oldText, string newText) =>
        SceneComparer.Compare(Fountain.Parse(oldText), Fountain.Parse(newText));

    [Fact]
    public void Added_removed_changed_and_moved_scenes_are_told_apart()
    {
        var a = ScriptText.Standard("a");
        var b = ScriptText.Standard("b");
        var c = ScriptText.Standard("c");
        var d = ScriptText.Standard("d");
        var e = ScriptText.Standard("e");
        var aEdited = a.Replace("A clock ticks", "A kettle whistles");

        var result = Compare(ScriptText.Of(a, b, c, d), ScriptText.Of(aEdited, d, e, b));

        var summary = result.Scenes.Select(s => $"{s.Heading}:{s.Difference}").ToList();
        Assert.Equal(
        [
            ":None", // the title page
            "INT. A ROOM - DAY:Changed",
            "INT. C ROOM - DAY:Removed",
            "INT. D ROOM - DAY:None",
            "INT. E ROOM - DAY:Added",
            "INT. B ROOM - DAY:Moved",
        ], summary);

        var changed = result.Scenes[1];
        Assert.Equal((0, 0), (changed.OldIndex, changed.NewIndex));
        Assert.Equal(2, changed.WordsAdded);
        Assert.Equal(2, changed.WordsRemoved);
        Assert.Contains(new WordChange(WordChangeKind.Removed, "clock ticks"), changed.Words);
        Assert.Contains(new WordChange(WordChangeKind.Added, "kettle whistles"), changed.Words);
    }

    [Fact]
    public void A_scene_moved_and_edited_is_matched_by_content_not_position()
    {
        var a = ScriptText.Standard("a");
        var b = ScriptText.Standard("b");
        var c = ScriptText.Standard("c");
        var d = ScriptText.Standard("d");
        var bEdited = b.Replace("INT. B ROOM - DAY", "EXT. B ROOM - NIGHT").Replace("quiet", "loud");

        var result = Compare(ScriptText.Of(a, b, c, d), ScriptText.Of(a, c, d, bEdited));

        var moved = Assert.Single(result.Touched);
        Assert.Equal(SceneDifference.Changed | SceneDifference.Moved, moved.Difference);
        Assert.Equal("INT. B ROOM - DAY", moved.OldHeading);
        Assert.Equal("EXT. B ROOM - NIGHT", moved.Heading);
    }

    [Fact]
    public void A_rewritten_scene_under_the_same_heading_is_removed_and_added()
    {
        var oldText = ScriptText.Of(ScriptText.Scene("KITCHEN", "Steam rises from a pot of soup while Anna chops onions for the stew."));
        var newText = ScriptText.Of(ScriptText.Scene("GARAGE", "Tools hang over a workbench; Bruno revs a motorcycle engine twice."));

        var result = Compare(oldText, newText);

        Assert.Equal(1, result.Count(SceneDifference.Added));
        Assert.Equal(1, result.Count(SceneDifference.Removed));
    }

    [Fact]
    public void Notes_in_a_scene_come_with_it()
    {
        var oldText = ScriptText.Of(ScriptText.Standard("a"));
        var newText = ScriptText.Of(ScriptText.Standard("a").TrimEnd() + "\n\n[[Shorter?]]\n\n");

        var scene = Assert.Single(Compare(oldText, newText).Touched);

        Assert.Equal("Shorter?", Assert.Single(scene.Notes).Text);
    }

    /// <summary>Property: shuffling scenes changes nothing but order; only scenes off the longest in-order run are "moved".</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Shuffled_scenes_are_only_moved(int seed)
    {
        var random = new Random(seed);
        var scenes = Enumerable.Range(0, 12).Select(i => ScriptText.Standard($"s{i}")).ToArray();
        var order = Enumerable.Range(0, 12).OrderBy(_ => random.Next()).ToArray();

        var result = Compare(ScriptText.Of(scenes), ScriptText.Of([.. order.Select(i => scenes[i])]));

        Assert.Equal(0, result.Count(SceneDifference.Added | SceneDifference.Removed | SceneDifference.Changed));
        Assert.Equal(12 - LongestIncreasingRun(order), result.Count(SceneDifference.Moved));
        Assert.Equal(13, result.Scenes.Length);
    }

    /// <summary>Property: kept + removed runs rebuild the old text, kept + added runs the new one.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_word_diff_rebuilds_both_texts(int seed)
    {
        var random = new Random(seed);
        var words = "the a cat sat on mat, and then ran away! quickly (slowly) over under".Split(' ');
        string Sentence() => string.Join(random.Next(4) == 0 ? "\n" : " ", Enumerable.Range(0, random.Next(0, 40)).Select(_ => words[random.Next(words.Length)]));
        for (var i = 0; i < 50; i++)
        {
            var (oldText, newText) = (Sentence(), Sentence());
            var (runs, _, _) = SceneComparer.WordDiff(oldText, newText);
            Assert.Equal(oldText, string.Concat(runs.Where(r => r.Kind != WordChangeKind.Added).Select(r => r.Text)));
            Assert.Equal(newText, string.Concat(runs.Where(r => r.Kind != WordChangeKind.Removed).Select(r => r.Text)));
        }
    }

    [Fact]
    public void Two_drafts_of_the_feature_compare_with_only_the_edited_scenes_touched()
    {
        var feature = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", "feature.fountain"));
        var draft = FeatureDrafts.Revise(feature);

        var result = SceneComparer.Compare(Fountain.Parse(feature), Fountain.Parse(draft.Text));

        Assert.Equal(draft.ChangedHeadings.Order(), result.Scenes.Where(s => s.Difference == SceneDifference.Changed).Select(s => s.Heading).Order());
        Assert.Equal(1, result.Count(SceneDifference.Removed));
        Assert.Equal(1, result.Count(SceneDifference.Added));
    }

    private static int LongestIncreasingRun(int[] values)
    {
        var tails = new List<int>();
        foreach (var v in values)
        {
            var i = tails.BinarySearch(v);
            i = i < 0 ? ~i : i;
            if (i == tails.Count)
            {
                tails.Add(v);
            }
            else
            {
                tails[i] = v;
            }
        }

        return tails.Count;
    }
}
