using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Text;

/// <summary>What the server gets from clients is untrusted: anything that is not a change set must be refused plainly.</summary>
public sealed class ChangeSetInputTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("3")]
    [InlineData("[-1]")]
    [InlineData("[1.5]")]
    [InlineData("[\"a\"]")]
    [InlineData("[[]]")]
    [InlineData("[[\"a\"]]")]
    [InlineData("[[1, 2]]")]
    [InlineData("[[-2, \"x\"]]")]
    [InlineData("[2147483647, 1]")]
    [InlineData("[null]")]
    [InlineData("[1,")]
    [InlineData("")]
    public void Malformed_json_is_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => ChangeSet.FromJson(json));

    [Fact]
    public void Applying_to_a_document_of_another_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => ChangeSet.FromJson("[2,[1,\"x\"]]").Apply("ab"));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(2, -1)]
    [InlineData(3, 1)]
    public void A_change_outside_the_document_is_refused(int offset, int removed) =>
        Assert.Throws<ArgumentException>(() => ChangeSet.Of([new TextChange(offset, removed, "x")], 3));

    [Fact]
    public void Inserted_line_breaks_become_newlines_like_in_the_editor()
    {
        var set = ChangeSet.Of([new TextChange(1, 0, "a\r\nb\rc")], 2);
        Assert.Equal("[1,[0,\"a\",\"b\",\"c\"],1]", set.ToJson());
        Assert.Equal("xa\nb\ncy", set.Apply("xy"));
    }

    [Fact]
    public void Json_keeps_non_ascii_text_readable() =>
        Assert.Equal("[[0,\"é—\"]]", ChangeSet.Of(0, 0, "é—", 0).ToJson());

    [Fact]
    public void Text_buffer_grows_and_slices_across_the_gap()
    {
        var buffer = new TextBuffer("hello world", extraCapacity: 0);
        buffer.Replace(5, 5, new string('!', 100));
        buffer.Replace(0, 1, "H");
        Assert.Equal("Hello" + new string('!', 100) + " world", buffer.ToString());
        Assert.Equal("o!!", buffer.Slice(4, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Replace(0, buffer.Length + 1, ""));
    }
}
