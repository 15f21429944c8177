using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Scenes;

/// <summary>The cases the random model does not make, and passage pins.</summary>
public sealed class SceneIdentityTests
{
    private const string Script = "INT. KITCHEN - DAY\n\nMara boils water.\n\nEXT. HARBOUR - NIGHT\n\nThe ferry docks.\n\nINT. TRAIN - DAY\n\nRain on glass.\n";

    [Fact]
    public void A_scene_emptied_and_given_a_new_heading_keeps_its_id()
    {
        var state = SceneIdentity.Start(Fountain.Parse(Script));
        var body = Script.IndexOf("The ferry docks.\n\n", StringComparison.Ordinal);
        var emptied = Apply(state, body, "The ferry docks.\n\n".Length, "");
        var heading = emptied.Document.Source.IndexOf("EXT. HARBOUR - NIGHT", StringComparison.Ordinal);
        var renamed = Apply(emptied, heading, "EXT. HARBOUR - NIGHT".Length, "EXT. PIER - DAWN");

        Assert.Equal(state.Ids.ToArray(), renamed.Ids.ToArray());
        Assert.Equal("EXT. PIER - DAWN", renamed.Document.Scenes[1].Heading);
    }

    [Fact]
    public void A_deleted_scene_is_reported_once_and_comes_back_when_its_text_is_restored_later()
    {
        var state = SceneIdentity.Start(Fountain.Parse(Script));
        var start = Script.IndexOf("EXT. HARBOUR", StringComparison.Ordinal);
        var length = Script.IndexOf("INT. TRAIN", StringComparison.Ordinal) - start;
        var cut = Script.Substring(start, length);
        var step = state.Advance(ChangeSet.Of(start, start + length, "", Script.Length), Fountain.Parse(Script.Remove(start, length)));
        Assert.Equal([state.Ids[1]], step.Vanished.ToArray());
        Assert.Equal(state.Ids[1], Assert.Single(step.State.Vanished).Id);
        Assert.Equal("EXT. HARBOUR - NIGHT", step.State.Vanished[0].Heading);

        var typed = Apply(step.State, 0, 0, "FADE IN:\n\n");
        var restored = typed.Document.Source.Length;
        var undo = typed.Advance(ChangeSet.Of(restored, restored, "\n" + cut, restored), Fountain.Parse(typed.Document.Source + "\n" + cut));

        Assert.Equal([state.Ids[1]], undo.Revived.ToArray());
        Assert.Equal([state.Ids[0], state.Ids[2], state.Ids[1]], undo.State.Ids.ToArray());
        Assert.Empty(undo.State.Vanished);
    }

    [Fact]
    public void Stored_ids_are_used_in_scene_order_and_the_change_must_fit_the_document()
    {
        Guid[] stored = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var state = SceneIdentity.Start(Fountain.Parse(Script), stored);
        Assert.Equal(stored, state.Ids.ToArray());

        var wrong = ChangeSet.Of(0, 0, "x", Script.Length + 1);
        Assert.Throws<ArgumentException>(() => state.Advance(wrong, Fountain.Parse("x" + Script)));
    }

    public static TheoryData<string, int, int, string, int, int, string?> Passages() => new()
    {
        // text, passage from/to, change from/removed/inserted, expected passage text (null: gone)
        { "abc passage def", 4, 11, "0|0|xx", 6, 13, "passage" },
        { "abc passage def", 4, 11, "4|0|the ", 8, 15, "passage" },
        { "abc passage def", 4, 11, "11|0| two", 4, 11, "passage" },
        { "abc passage def", 4, 11, "7|0|-", 4, 12, "pas-sage" },
        { "abc passage def", 4, 11, "2|6|", 2, 5, "age" },
        { "abc passage def", 4, 11, "3|9|", -1, -1, null },
        { "abc passage def", 4, 11, "4|7|words", -1, -1, null },
        { "abc passage def", 4, 11, "5|5|", 4, 6, "pe" },
    };

    [Theory]
    [MemberData(nameof(Passages))]
    public void A_passage_follows_the_text_and_is_gone_when_all_of_it_is(string text, int from, int to, string change, int newFrom, int newTo, string? expected)
    {
        var parts = change.Split('|');
        var set = ChangeSet.Of(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            parts[2], text.Length);
        var mapped = new PassagePin(from, to).Map(set);
        if (expected is null)
        {
            Assert.Null(mapped);
            return;
        }

        Assert.Equal(new PassagePin(newFrom, newTo), mapped);
        Assert.Equal(expected, set.Apply(text)[newFrom..newTo]);
    }

    private static SceneIdentity Apply(SceneIdentity state, int from, int removed, string inserted)
    {
        var source = state.Document.Source;
        var change = ChangeSet.Of(from, from + removed, inserted, source.Length);
        return state.Advance(change, Fountain.Parse(change.Apply(source))).State;
    }
}
