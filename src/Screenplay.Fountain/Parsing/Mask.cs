namespace Screenplay.Fountain.Parsing;

internal enum MaskKind : byte
{
    Boneyard,
    Note,
}

/// <summary>A stretch of source that prints nothing: a <c>/* boneyard */</c> or a <c>[[note]]</c>, markers included.</summary>
internal readonly record struct Mask(int Start, int End, MaskKind Kind)
{
    public Mask Shift(int delta) => new(Start + delta, End + delta, Kind);
}

/// <summary>
/// Where boneyard and notes lie, plus what the scan looked at to decide that some openers stay literal.
/// <see cref="FailedNoteScans"/> holds, for each <c>[[</c> that found a blank line before any <c>]]</c>, the range
/// the scan covered: an edit inside it can turn that opener into a note.
/// </summary>
internal sealed record MaskSet(Mask[] Masks, Range2[] FailedNoteScans)
{
    public static readonly MaskSet Empty = new([], []);
}

internal readonly record struct Range2(int Start, int End)
{
    public Range2 Shift(int delta) => new(Start + delta, End + delta);
}
