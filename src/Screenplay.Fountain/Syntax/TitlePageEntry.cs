namespace Screenplay.Fountain.Syntax;

/// <summary>A <c>Key: value</c> pair of the title page. Multi-line values are joined with <c>\n</c>, each line trimmed.</summary>
public sealed record TitlePageEntry(string Key, string Value, SourceSpan Span);
