using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Revisions;

/// <summary>How a scene differs between two versions. A scene can be both <see cref="Changed"/> and <see cref="Moved"/>.</summary>
[Flags]
public enum SceneDifference
{
    None = 0,
    Added = 1,
    Removed = 2,
    Changed = 4,
    Moved = 8,
}

public enum WordChangeKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A stretch of a scene's text in a word-level diff: kept, added or removed. Concatenating the kept and
/// removed runs gives the old text; the kept and added ones, the new text.</summary>
public sealed record WordChange(WordChangeKind Kind, string Text);

/// <summary>
/// One scene of a comparison. <see cref="OldIndex"/> and <see cref="NewIndex"/> point into the two documents'
/// <see cref="Document.Scenes"/> (null when the scene is missing on that side, -1 for the text before the first
/// scene: title page and opening). <see cref="Words"/> is filled for changed scenes only.
/// </summary>
public sealed record SceneComparison(
    SceneDifference Difference,
    int? OldIndex,
    int? NewIndex,
    string Heading,
    string? OldHeading,
    int WordsAdded,
    int WordsRemoved,
    ImmutableArray<WordChange> Words)
{
    /// <summary>The writer's <c>[[notes]]</c> inside the scene (the new side's, or the old side's for a removed scene).</summary>
    public ImmutableArray<Note> Notes { get; init; } = [];

    public bool IsOpening => (NewIndex ?? OldIndex) == -1;
}

/// <summary>Two versions of a script compared scene by scene, in the new version's order with removed scenes where they stood.</summary>
public sealed record ScriptComparison(ImmutableArray<SceneComparison> Scenes)
{
    public int WordsAdded => Scenes.Sum(s => s.WordsAdded);

    public int WordsRemoved => Scenes.Sum(s => s.WordsRemoved);

    public bool HasChanges => Scenes.Any(s => s.Difference != SceneDifference.None);

    /// <summary>Scenes that differ in any way.</summary>
    public IEnumerable<SceneComparison> Touched => Scenes.Where(s => s.Difference != SceneDifference.None);

    public int Count(SceneDifference difference) => Scenes.Count(s => (s.Difference & difference) != 0);
}
