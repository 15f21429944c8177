namespace Screenplay.Fountain.Parsing;

/// <summary>
/// One non-blank line of a paragraph. <see cref="End"/> excludes the line break (and a trailing <c>\r</c>).
/// <see cref="Visible"/> is set only when boneyard or notes cut into the line; otherwise the raw slice is the text,
/// which keeps the hot path free of per-line strings.
/// </summary>
internal readonly record struct SourceLine(int Start, int End, int Number, string? Visible)
{
    public ReadOnlySpan<char> Text(string source) =>
        Visible is null ? source.AsSpan(Start, End - Start) : Visible.AsSpan();
}
