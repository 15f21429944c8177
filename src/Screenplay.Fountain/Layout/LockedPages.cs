using System.Collections.Immutable;
using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// The page breaks of a draft whose pages are locked: for each of its pages but the last, the source offset where
/// that page's printed text ends. Text at or after <c>Ends[i]</c> belongs to page <c>i + 2</c> or later. Mapped
/// through the edits made since (<see cref="Map"/>), they tell the paginator which locked page every piece of
/// the revised text belongs to, so page numbers never move: overflow goes to A-pages (12A, 12B) and pages whose
/// text was all cut are printed as part of the page before (12-13).
/// </summary>
public sealed record LockedPages
{
    public LockedPages(ImmutableArray<int> ends)
    {
        ends = ends.IsDefault ? [] : ends;
        for (var i = 0; i < ends.Length; i++)
        {
            if (ends[i] < 0 || (i > 0 && ends[i] < ends[i - 1]))
            {
                throw new ArgumentException("Locked page ends must be non-negative and in order.", nameof(ends));
            }
        }

        Ends = ends;
    }

    public ImmutableArray<int> Ends { get; }

    /// <summary>How many pages were locked.</summary>
    public int PageCount => Ends.Length + 1;

    /// <summary>The page breaks of a paginated draft (its body pages; the title page is not numbered).</summary>
    public static LockedPages Of(PaginatedScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var ends = ImmutableArray.CreateBuilder<int>(Math.Max(0, script.Pages.Length - 1));
        var last = 0;
        for (var p = 0; p < script.Pages.Length - 1; p++)
        {
            foreach (var line in script.Pages[p].Lines)
            {
                if (line.ElementIndex >= 0 && line.SourceLength > 0)
                {
                    last = Math.Max(last, line.SourceStart + line.SourceLength);
                }
            }

            ends.Add(last);
        }

        return new LockedPages(ends.MoveToImmutable());
    }

    /// <summary>
    /// The same breaks in the text after <paramref name="change"/>. Text inserted exactly at a break stays on the
    /// page before it (it continues that page's last paragraph); a break inside deleted text lands where it was.
    /// </summary>
    public LockedPages Map(ChangeDesc change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new LockedPages([.. Ends.Select(e => change.MapPos(Math.Min(e, change.Length), assoc: 1))]);
    }

    public bool Equals(LockedPages? other) => other is not null && Ends.SequenceEqual(other.Ends);

    public override int GetHashCode() => Ends.Aggregate(Ends.Length, HashCode.Combine);
}

/// <summary>
/// The number printed on a page of a locked script: locked page <see cref="First"/> (1-based), its
/// <see cref="Letter"/>-th A-page (0 for the page itself), standing also for the emptied locked pages up to
/// <see cref="Through"/>: "12", "12A", "12-13", "12A-13".
/// </summary>
public readonly record struct PageNumbering(int First, int Letter, int Through)
{
    public override string ToString()
    {
        // A-pages letter like scene numbers: A … Z, then AA, AB …
        var text = First.ToString(System.Globalization.CultureInfo.InvariantCulture) + SceneNumber.Letters(Letter);
        return Through > First ? $"{text}-{Through.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : text;
    }
}
