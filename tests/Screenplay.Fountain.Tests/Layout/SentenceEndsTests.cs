using Screenplay.Fountain.Layout;

namespace Screenplay.Fountain.Tests.Layout;

public sealed class SentenceEndsTests
{
    /// <summary>Each case lists the text before every place a page may end inside the paragraph.</summary>
    [Theory]
    [InlineData("She runs. He follows.", new[] { "She runs." })]
    [InlineData("Stop! Who goes there? Nobody.", new[] { "Stop!", "Stop! Who goes there?" })]
    [InlineData("\"Go.\" He leaves. (Quietly.) Then", new[] { "\"Go.\"", "\"Go.\" He leaves.", "\"Go.\" He leaves. (Quietly.)" })]
    [InlineData("Mr. Smith and Mrs. Jones meet Dr. Who on St. Mark's with Lt. Dan. Done", new[] { "Mr. Smith and Mrs. Jones meet Dr. Who on St. Mark's with Lt. Dan." })]
    [InlineData("MR. SMITH enters. Then", new[] { "MR. SMITH enters." })]
    [InlineData("J. R. R. Tolkien writes. Then", new[] { "J. R. R. Tolkien writes." })]
    [InlineData("At 5 a.m. the alarm rings. At 9 p.m. it stops. Then", new[] { "At 5 a.m. the alarm rings.", "At 5 a.m. the alarm rings. At 9 p.m. it stops." })]
    [InlineData("Wait... what? Well… maybe. Then", new[] { "Wait... what?", "Wait... what? Well… maybe." })]
    [InlineData("No. I won't. Then", new[] { "No.", "No. I won't." })]
    [InlineData("What?! Really. Then", new[] { "What?!", "What?! Really." })]
    [InlineData("First line\nsecond line. Then", new[] { "First line", "First line\nsecond line." })]
    [InlineData("終わり。次です", new[] { "終わり。" })]
    [InlineData("The U.S. Army arrives. Then", new[] { "The U.S. Army arrives." })]
    [InlineData("Mr.", new string[0])]
    public void A_page_may_end_only_after_a_sentence_not_after_titles_initials_abbreviations_or_ellipses(string text, string[] expected)
    {
        var boundaries = SentenceEnds.Boundaries(text, 0, text.Length);

        Assert.Equal(expected, boundaries.Select(b => text[..b]));
    }
}
