using Screenplay.Fountain.Revisions;

namespace Screenplay.Fountain.Tests.Revisions;

public sealed class RevisionColorTests
{
    [Theory]
    [InlineData(0, "White")]
    [InlineData(1, "Blue")]
    [InlineData(2, "Pink")]
    [InlineData(3, "Yellow")]
    [InlineData(4, "Green")]
    [InlineData(5, "Goldenrod")]
    [InlineData(6, "Buff")]
    [InlineData(7, "Salmon")]
    [InlineData(8, "Cherry")]
    [InlineData(9, "Double White")]
    [InlineData(10, "Double Blue")]
    [InlineData(17, "Double Cherry")]
    [InlineData(18, "Triple White")]
    public void The_sequence_follows_the_industry_order_then_repeats_in_rounds(int index, string name)
    {
        var color = RevisionColors.At(index);
        Assert.Equal(name, color.Name);
        Assert.Equal(color, RevisionColors.Find(name.ToLowerInvariant()));
        Assert.Equal(RevisionColors.At(index + 1), color.Next);
    }

    [Fact]
    public void An_unknown_colour_name_is_not_found() => Assert.Null(RevisionColors.Find("Mauve"));

    [Theory]
    [InlineData("Blue Revision", 1, "Blue Revision 3/4/2026")]
    [InlineData("Studio notes", 2, "Studio notes (Pink) 3/4/2026")]
    [InlineData("", 9, "Double White Revision 3/4/2026")]
    public void The_header_label_names_the_draft_colour_and_date(string label, int color, string expected) =>
        Assert.Equal(expected, RevisionColors.HeaderLabel(label, RevisionColors.At(color), new DateOnly(2026, 3, 4)));
}
