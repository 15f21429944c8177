using System.Text.Json;
using System.Text.Json.Nodes;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Text;

/// <summary>
/// The C# change sets must compute exactly what CodeMirror computes: the browser and the server transform each
/// other's edits, and one differing character means diverged documents. The expected values come from the real
/// JavaScript library (fixtures/generate.mjs).
/// </summary>
public sealed class ChangeSetFixtureTests
{
    private static readonly JsonElement Fixture = LoadFixture();

    private static JsonElement LoadFixture()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Text", "fixtures", "changeset-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static IEnumerable<object[]> Cases() =>
        Enumerable.Range(0, Fixture.GetProperty("cases").GetArrayLength()).Select(i => new object[] { i });

    public static IEnumerable<object[]> Rebases() =>
        Enumerable.Range(0, Fixture.GetProperty("rebases").GetArrayLength()).Select(i => new object[] { i });

    private static ChangeSet Set(JsonElement c, string name) => ChangeSet.FromJson(c.GetProperty(name));

    private static void SameJson(JsonElement expected, string actual, string what) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.GetRawText()), JsonNode.Parse(actual)),
            $"{what}: expected {expected.GetRawText()}, got {actual}");

    private static IEnumerable<TextChange> Specs(JsonElement specs) =>
        specs.EnumerateArray().Select(s => new TextChange(s[0].GetInt32(), s[1].GetInt32(), s[2].GetString()!)).ToList();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_codemirror_state(int index)
    {
        var c = Fixture.GetProperty("cases")[index];
        string doc = c.GetProperty("doc").GetString()!;
        var a = Set(c, "a");
        var b = Set(c, "b");
        var cSet = Set(c, "c");

        SameJson(c.GetProperty("c"), ChangeSet.Of(Specs(c.GetProperty("specsC")), a.NewLength).ToJson(), "of(specsC)");
        if (c.GetProperty("specsA").ValueKind == JsonValueKind.Array)
        {
            SameJson(c.GetProperty("a"), ChangeSet.Of(Specs(c.GetProperty("specsA")), doc.Length).ToJson(), "of(specsA)");
            SameJson(c.GetProperty("b"), ChangeSet.Of(Specs(c.GetProperty("specsB")), doc.Length).ToJson(), "of(specsB)");
            foreach (var spec in Specs(c.GetProperty("specsA")))
            {
                var single = ChangeSet.Of(spec.Offset, spec.Offset + spec.RemovedLength, spec.Inserted, doc.Length);
                Assert.Equal(ChangeSet.Of([spec], doc.Length).ToJson(), single.ToJson());
            }
        }
        SameJson(c.GetProperty("a"), a.ToJson(), "toJSON round trip");
        SameJson(c.GetProperty("a"), a.ToJsonArray().ToJsonString(), "toJSON as node");
        SameJson(c.GetProperty("aDesc"), a.Desc.ToDescJson(), "desc");

        Assert.Equal(c.GetProperty("aLength").GetInt32(), a.Length);
        Assert.Equal(c.GetProperty("aNewLength").GetInt32(), a.NewLength);
        Assert.Equal(c.GetProperty("aEmpty").GetBoolean(), a.IsEmpty);
        Assert.Equal(c.GetProperty("aEmpty").GetBoolean(), ((ChangeDesc)a).Empty);
        Assert.Equal(Specs(c.GetProperty("aChanges")), a.Changes);

        string applied = c.GetProperty("applyA").GetString()!;
        Assert.Equal(applied, a.Apply(doc));
        var buffer = new TextBuffer(doc, extraCapacity: 0);
        a.ApplyTo(buffer);
        Assert.Equal(applied, buffer.ToString());
        SameJson(c.GetProperty("invertA"), a.Invert(doc).ToJson(), "invert");
        Assert.Equal(doc, a.Invert(doc).Apply(applied));

        SameJson(c.GetProperty("mapAB"), a.Map(b).ToJson(), "map");
        SameJson(c.GetProperty("mapABBefore"), a.Map(b, before: true).ToJson(), "map before");
        SameJson(c.GetProperty("mapDescAB"), a.Desc.MapDesc(b.Desc).ToDescJson(), "mapDesc");
        SameJson(c.GetProperty("mapDescABBefore"), a.Desc.MapDesc(b.Desc, before: true).ToDescJson(), "mapDesc before");
        SameJson(c.GetProperty("composeAC"), a.Compose(cSet).ToJson(), "compose");
        SameJson(c.GetProperty("composeDescAC"), a.Desc.ComposeDesc(cSet.Desc).ToDescJson(), "composeDesc");
        Assert.Equal(cSet.Apply(applied), a.Compose(cSet).Apply(doc));

        foreach (var p in c.GetProperty("positions").EnumerateArray())
        {
            int pos = p[0].GetInt32();
            Assert.Equal(p[1].GetInt32(), a.MapPos(pos, -1));
            Assert.Equal(p[2].GetInt32(), a.MapPos(pos, 1));
            Assert.Equal(NullableInt(p[3]), a.MapPos(pos, -1, MapMode.TrackDel));
            Assert.Equal(NullableInt(p[4]), a.MapPos(pos, 1, MapMode.TrackBefore));
            Assert.Equal(NullableInt(p[5]), a.MapPos(pos, 1, MapMode.TrackAfter));
            int to = Math.Min(doc.Length, pos + 2);
            var touch = p[6];
            Assert.Equal(touch.ValueKind != JsonValueKind.False, a.TouchesRange(pos, to));
            Assert.Equal(touch.ValueKind == JsonValueKind.String, a.CoversRange(pos, to));
        }
    }

    private static int? NullableInt(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    [Theory]
    [MemberData(nameof(Rebases))]
    public void Rebase_matches_codemirror_collab(int index)
    {
        var r = Fixture.GetProperty("rebases")[index];
        var updates = ReadUpdates(r.GetProperty("updates"));
        var over = ReadUpdates(r.GetProperty("over"));

        var rebased = Collab.RebaseUpdates(updates, over);

        var expected = ReadUpdates(r.GetProperty("rebased"));
        Assert.Equal(expected.Select(u => u.ClientId), rebased.Select(u => u.ClientId));
        Assert.Equal(expected.Select(u => u.Changes.ToJson()), rebased.Select(u => u.Changes.ToJson()));

        string doc = r.GetProperty("doc").GetString()!;
        foreach (var u in over.Concat(rebased)) doc = u.Changes.Apply(doc);
        Assert.Equal(r.GetProperty("endDoc").GetString(), doc);
    }

    private static List<CollabUpdate> ReadUpdates(JsonElement array) =>
        array.EnumerateArray()
            .Select(u => new CollabUpdate(u.GetProperty("clientID").GetString()!, ChangeSet.FromJson(u.GetProperty("changes"))))
            .ToList();
}
