using System.Collections.Immutable;
using Screenplay.Fountain.Parsing;

namespace Screenplay.Fountain.Syntax;

/// <summary>A parsed screenplay: immutable, with the source it was parsed from so it can be re-parsed incrementally.</summary>
public sealed record Document(
    string Source,
    ImmutableArray<TitlePageEntry> TitlePage,
    ImmutableArray<Element> Elements,
    ImmutableArray<Scene> Scenes,
    ImmutableArray<Note> Notes)
{
    /// <summary>
    /// Where boneyard and notes lie, kept so an incremental re-parse need not rescan the whole text. Null on a document
    /// the parser did not make (an FDX import, a test's hand-built model): re-parsing those parses everything.
    /// </summary>
    internal MaskSet? Masks { get; init; }

    /// <summary>The value of a title page key (case-insensitive), or null.</summary>
    public string? Title(string key) =>
        TitlePage.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}
