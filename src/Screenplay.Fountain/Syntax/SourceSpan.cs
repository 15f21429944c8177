namespace Screenplay.Fountain.Syntax;

/// <summary>Where something stands in the source text: UTF-16 offset and length, and the 1-based line it starts on.</summary>
public readonly record struct SourceSpan(int Start, int Length, int Line)
{
    public int End => Start + Length;

    public bool Contains(int offset) => offset >= Start && offset < End;
}
