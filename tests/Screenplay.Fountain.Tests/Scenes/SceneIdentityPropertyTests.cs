using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Scenes;

/// <summary>
/// Random edit sequences over a model script whose scenes carry the identity a person would give them (a "truth"
/// number). After every change the tracker's ids must follow the truth one to one: a scene keeps its id through
/// edits inside it, scenes inserted or deleted around it, a rewritten heading, renumbering, moves and a cut pasted
/// back later; a new scene (or a copy) gets an id never seen before; a deleted scene's id is reported vanished.
/// </summary>
public sealed class SceneIdentityPropertyTests
{
    private const int Steps = 60;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 200; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ids_follow_the_scenes_a_person_would_name(int seed)
    {
        var random = new Random(seed);
        var model = ScriptModel.Random(random, random.Next(1, 7));
        var document = Fountain.Parse(model.Render());
        var counter = 0;
        Guid Next() => new(++counter, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);
        var state = SceneIdentity.Start(document, newId: Next);
        var truthToId = new Dictionary<int, Guid>();
        var everSeen = new HashSet<Guid>();
        Check(state, model, truthToId, everSeen, "start");

        for (var step = 0; step < Steps; step++)
        {
            var before = model.Render();
            var edit = model.RandomEdit(random);
            var after = model.Render();
            var change = ChangeSet.Of(edit.Changes, before.Length);
            Assert.Equal(after, change.Apply(before));
            var result = state.Advance(change, Fountain.Parse(after), Next);
            var context = $"seed {seed}, step {step}: {edit.Description}";

            Assert.True(edit.Vanished.Select(t => truthToId[t]).Order().SequenceEqual(result.Vanished.Order()),
                $"{context}: vanished {string.Join(",", result.Vanished)}");
            Assert.True(edit.Revived.Select(t => truthToId[t]).Order().SequenceEqual(result.Revived.Order()),
                $"{context}: revived {string.Join(",", result.Revived)}");
            state = result.State;
            Check(state, model, truthToId, everSeen, context);
        }
    }

    private static void Check(SceneIdentity state, ScriptModel model, Dictionary<int, Guid> truthToId, HashSet<Guid> everSeen, string context)
    {
        Assert.True(model.Scenes.Count == state.Ids.Length, $"{context}: the parser found {state.Ids.Length} scenes, the model has {model.Scenes.Count}");
        for (var i = 0; i < model.Scenes.Count; i++)
        {
            var truth = model.Scenes[i].Truth;
            var id = state.Ids[i];
            if (truthToId.TryGetValue(truth, out var expected))
            {
                Assert.True(expected == id, $"{context}: scene {i} ({model.Scenes[i].Heading}) should keep id {expected}, got {id}");
            }
            else
            {
                Assert.True(everSeen.Add(id), $"{context}: new scene {i} ({model.Scenes[i].Heading}) took the existing id {id}");
                truthToId[truth] = id;
            }
        }

        Assert.Equal(state.Ids.Length, state.Ids.Distinct().Count());
    }
}
