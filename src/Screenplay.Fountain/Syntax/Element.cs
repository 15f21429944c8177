using System.Collections.Immutable;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// One paragraph of the screenplay (an action paragraph, a character cue, a run of dialogue lines...).
/// <see cref="Text"/> is the text as written, without the markers that force its type, without notes and
/// boneyard, with emphasis markers and escapes kept; <see cref="Runs"/> is the same text ready to print.
/// </summary>
public sealed record Element(ElementType Type, string Text, SourceSpan Span)
{
    /// <summary>Printable text with emphasis resolved. Empty for page breaks.</summary>
    public ImmutableArray<TextRun> Runs { get; init; } = [];

    /// <summary>The <c>#1A#</c> scene number of a scene heading, without the hashes; null when none is written.</summary>
    public string? SceneNumber { get; init; }

    /// <summary>True on the second character cue of dual dialogue (the one written with a trailing <c>^</c>).</summary>
    public bool Dual { get; init; }

    /// <summary>Depth of a section (<c>#</c> = 1, <c>##</c> = 2...); 0 for every other type.</summary>
    public int Level { get; init; }
}
