namespace Screenplay.Fountain.Syntax;

/// <summary>A writer's <c>[[note]]</c>: kept in the model for the editor and the notes view, never printed.</summary>
public sealed record Note(string Text, SourceSpan Span);
