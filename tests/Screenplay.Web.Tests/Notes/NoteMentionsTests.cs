using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

public sealed class NoteMentionsTests
{
    private static readonly MentionablePerson[] People =
    [
        new("ann", "Ann", "ann.k@example.test"),
        new("annlee", "Ann Lee", "lee@example.test"),
        new("dana", "Dana Director", "director@screenplay.local"),
    ];

    [Theory]
    [InlineData("@Ann can you look?", "ann")]
    [InlineData("@Ann Lee can you look?", "annlee")]
    [InlineData("@annlee and @ann", "annlee,ann")]
    [InlineData("cc @DanaDirector.", "dana")]
    [InlineData("(@director) thoughts?", "dana")]
    [InlineData("@dana director", "dana")]
    [InlineData("@ann.k said so", "ann")]
    [InlineData("@Ann, @Ann and @ANN again", "ann")]
    [InlineData("mail ann@example.test or lee@example.test", "")]
    [InlineData("@Annabel is not on the script", "")]
    [InlineData("`@` alone, @ and @@", "")]
    public void Mentions_name_people_on_the_script_by_display_name_or_email_name(string body, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), NoteMentions.Find(body, People));
    }
}
