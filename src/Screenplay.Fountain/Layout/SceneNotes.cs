using System.Collections.Immutable;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Notes to print after a scene (<see cref="PageLayout.SceneNotes"/>): <see cref="SceneIndex"/> is the scene's index in
/// <see cref="Syntax.Document.Scenes"/>; each item is one note as plain text (e.g. "Dana, 3 Mar: Shorter?"), printed as
/// a bullet under a "NOTES" heading in an indented box.
/// </summary>
public sealed record SceneNotes(int SceneIndex, ImmutableArray<string> Items);
