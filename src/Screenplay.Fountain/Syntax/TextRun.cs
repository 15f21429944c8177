namespace Screenplay.Fountain.Syntax;

[Flags]
public enum Emphasis
{
    None = 0,
    Italic = 1,
    Bold = 2,
    Underline = 4,
}

/// <summary>
/// A stretch of printable text with one emphasis: markers (<c>*</c>, <c>_</c>) and backslash escapes already
/// resolved. An element's runs, concatenated, are what the page shows; line breaks are kept as <c>\n</c>.
/// </summary>
public readonly record struct TextRun(string Text, Emphasis Emphasis = Emphasis.None);
