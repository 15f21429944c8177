using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain;

/// <summary>
/// Entry point for reading Fountain. Parsing never throws and is linear in the input: any text, however
/// malformed, becomes a <see cref="Document"/>.
/// </summary>
public static class Fountain
{
    public static Document Parse(string text) => DocumentParser.Parse(text ?? string.Empty);

    /// <summary>
    /// The document for <paramref name="previous"/>'s source with <paramref name="change"/> applied, re-parsing only
    /// the paragraphs the change can affect. Always equal to <c>Parse(change.ApplyTo(previous.Source))</c>.
    /// </summary>
    public static Document Reparse(Document previous, TextChange change) => IncrementalParser.Reparse(previous, change);

    /// <summary>
    /// A title page value as the printed title page and <see cref="PaginatedScript.Title"/> show it (emphasis markers
    /// and escapes resolved, lines joined with spaces), or null when the key is missing; without paginating.
    /// </summary>
    public static string? PrintedTitlePageValue(Document document, string key)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TitleMarkup.PlainValue(document, key);
    }
}
