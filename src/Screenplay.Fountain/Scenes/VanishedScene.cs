using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Scenes;

/// <summary>A scene that is gone from the text: its id, last heading and text, kept so a paste or an undo can bring it back.</summary>
public sealed record VanishedScene(Guid Id, string Heading, string Text)
{
    internal static VanishedScene Of(Guid id, Document document, SceneRegion region, int scene) =>
        new(id, document.Scenes[scene].Heading, document.Source[region.Start..region.End].TrimEnd());
}
