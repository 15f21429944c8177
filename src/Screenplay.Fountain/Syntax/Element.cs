using System.Collections.Immutable;
using Screenplay.Fountain.Parsing;

namespace Screenplay.Fountain.Syntax;

/// <summary>
/// One paragraph of the screenplay (an action paragraph, a character cue, a run of dialogue lines...).
/// <see cref="Text"/> is the text as written, without the markers that force its type, without notes and
/// boneyard, with emphasis markers and escapes kept; <see cref="Runs"/> is the same text ready to print.
/// Two elements are equal when everything they say is equal (runs compared run by run).
/// </summary>
public sealed record Element(ElementType Type, string Text, SourceSpan Span)
{
    private ImmutableArray<TextRun> _runs;

    /// <summary>
    /// Printable text with emphasis resolved; empty for page breaks. Unless given, worked out from <see cref="Text"/> on
    /// first use and kept: the editor and the live-sync server re-parse on every keystroke and never print, so the
    /// parser does not resolve emphasis for them (it was a third of what a parse allocated).
    /// </summary>
    public ImmutableArray<TextRun> Runs
    {
        get
        {
            var runs = _runs;
            if (runs.IsDefault)
            {
                // Racing threads compute the same runs; an ImmutableArray is one reference, so either write is whole.
                runs = EmphasisParser.Parse(Text);
                _runs = runs;
            }

            return runs;
        }

        init => _runs = value;
    }

    /// <summary>The <c>#1A#</c> scene number of a scene heading, without the hashes; null when none is written.</summary>
    public string? SceneNumber { get; init; }

    /// <summary>True on the second character cue of dual dialogue (the one written with a trailing <c>^</c>).</summary>
    public bool Dual { get; init; }

    /// <summary>Depth of a section (<c>#</c> = 1, <c>##</c> = 2...); 0 for every other type.</summary>
    public int Level { get; init; }

    public bool Equals(Element? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Type == other.Type && Text == other.Text && Span == other.Span && SceneNumber == other.SceneNumber
                && Dual == other.Dual && Level == other.Level && Runs.SequenceEqual(other.Runs)));

    public override int GetHashCode() => HashCode.Combine(Type, Text, Span, SceneNumber, Dual, Level);
}
