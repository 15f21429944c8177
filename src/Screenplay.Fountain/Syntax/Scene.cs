using System.Collections.Immutable;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// A scene of the index: from its heading up to the next heading (or the end). <see cref="Span"/> covers the
/// whole scene in the source; <see cref="FirstElement"/> and <see cref="ElementCount"/> locate it in
/// <see cref="Document.Elements"/> (the heading included).
/// </summary>
public sealed record Scene(
    string Heading,
    string? Number,
    SourceSpan Span,
    int FirstElement,
    int ElementCount)
{
    /// <summary>The first synopsis (<c>= ...</c>) written right after the heading, if any.</summary>
    public string? Synopsis { get; init; }

    /// <summary>Titles of the enclosing sections, outermost first.</summary>
    public ImmutableArray<string> SectionPath { get; init; } = [];

    /// <summary>The levels of <see cref="SectionPath"/>'s sections, so the index can resume after a scene it keeps.</summary>
    internal ImmutableArray<int> SectionLevels { get; init; } = [];

    /// <summary>Names of the characters who speak in the scene, in order of first cue, extensions removed.</summary>
    public ImmutableArray<string> Characters { get; init; } = [];
}
