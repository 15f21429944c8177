using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Scenes;

/// <summary>The source range a scene owns: from its heading up to the next heading (or the end of the text).</summary>
internal readonly record struct SceneRegion(int Start, int End);

internal static class SceneRegions
{
    public static ImmutableArray<SceneRegion> Of(Document document)
    {
        var scenes = document.Scenes;
        var regions = new SceneRegion[scenes.Length];
        for (var i = 0; i < scenes.Length; i++)
        {
            var end = i + 1 < scenes.Length ? scenes[i + 1].Span.Start : document.Text.Length;
            regions[i] = new SceneRegion(scenes[i].Span.Start, end);
        }

        return [.. regions];
    }
}
