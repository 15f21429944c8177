using System.Collections.Immutable;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Syntax;

/// <summary>A parsed screenplay: immutable, with the source it was parsed from so it can be re-parsed incrementally.</summary>
public sealed record Document(
    string Source,
    ImmutableArray<TitlePageEntry> TitlePage,
    ElementList Elements,
    ImmutableArray<Scene> Scenes,
    ImmutableArray<Note> Notes)
{
    private PieceText _text = PieceText.Of(Source ?? string.Empty);

    /// <summary>
    /// The text the document was parsed from. After <see cref="Fountain.Reparse"/> the text is kept as pieces of the
    /// previous text and the change, and this string is built on first use (then cached), so a keystroke does not
    /// copy the whole script unless someone asks for all of it.
    /// </summary>
    public string Source
    {
        get => _text.ToString();
        init => _text = PieceText.Of(value ?? string.Empty);
    }

    /// <summary>The source as a piece table: what the incremental parser reads without building the whole string.</summary>
    internal PieceText Text
    {
        get => _text;
        init => _text = value;
    }

    /// <summary>
    /// Where boneyard and notes lie, kept so an incremental re-parse need not rescan the whole text. Null on a document
    /// the parser did not make (an FDX import, a test's hand-built model): re-parsing those parses everything.
    /// </summary>
    internal MaskSet? Masks { get; init; }

    /// <summary>The value of a title page key (case-insensitive), or null.</summary>
    public string? Title(string key) =>
        TitlePage.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}
