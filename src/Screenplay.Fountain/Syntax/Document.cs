using System.Collections.Immutable;

namespace Screenplay.Fountain.Syntax;

/// <summary>A parsed screenplay: immutable, with the source it was parsed from so it can be re-parsed incrementally.</summary>
public sealed record Document(
    string Source,
    ImmutableArray<TitlePageEntry> TitlePage,
    ImmutableArray<Element> Elements,
    ImmutableArray<Scene> Scenes,
    ImmutableArray<Note> Notes)
{
    /// <summary>The value of a title page key (case-insensitive), or null.</summary>
    public string? Title(string key) =>
        TitlePage.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}
