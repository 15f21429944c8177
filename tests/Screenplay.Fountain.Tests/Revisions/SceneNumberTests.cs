using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Revisions;

public sealed class SceneNumberTests
{
    [Theory]
    [InlineData("12", "13", "", "12A")]
    [InlineData("12A", "13", "12A", "12B")]
    [InlineData("12A", "12B", "12A 12B", "12AA")]
    [InlineData("12AA", "12B", "12A 12AA 12B", "12AB")]
    [InlineData("12Z", "13", "12Z", "12ZA")]
    [InlineData("12", "13", "12A", "12B")] // 12A retired (omitted): never reused
    [InlineData("12", null, "", "12A")]
    [InlineData(null, "1", "", "A1")]
    [InlineData(null, "1", "A1", "B1")]
    [InlineData("12", "12A", "12A", "12B")] // no room in order: still unused
    public void Inserted_scenes_are_lettered_after_the_scene_before_them(string? previous, string? following, string taken, string expected)
    {
        var takenSet = taken.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.Equal(expected, SceneNumber.Between(previous, following, takenSet));
    }
}
