using Screenplay.Fountain.Layout;

namespace Screenplay.Fountain.Tests.Layout;

public sealed class LineWrapperTests
{
    [Theory]
    [InlineData("short", 10, new[] { "short" })]
    [InlineData("two words here", 9, new[] { "two words", "here" })]
    [InlineData("    indented action that wraps", 16, new[] { "    indented", "action that", "wraps" })]
    [InlineData("averyveryverylongword end", 8, new[] { "averyver", "yverylon", "gword", "end" })]
    [InlineData("line one\n\nline three", 20, new[] { "line one", "", "line three" })]
    [InlineData("日本語のテキストです", 8, new[] { "日本語の", "テキスト", "です" })]
    public void Wraps_at_spaces_keeps_indentation_cuts_long_words_and_counts_wide_characters_twice(string text, int width, string[] expected)
    {
        var lines = LineWrapper.Wrap(text, 0, text.Length, width);

        Assert.Equal(expected, lines.Select(l => text[l.Start..l.End]));
    }

    [Fact]
    public void The_remainder_after_a_cut_wraps_exactly_like_a_fresh_wrap_of_it()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var words = Enumerable.Range(0, random.Next(50, 1500)).Select(_ => new string('x', random.Next(1, 14)) + (random.Next(12) == 0 ? "." : string.Empty));
            var text = string.Join(' ', words);
            var width = random.Next(20, 40);
            var original = LineView.Wrap(text, 0, text.Length, width);

            var cut = text.IndexOf(' ', random.Next(text.Length));
            if (cut < 0)
            {
                continue;
            }

            var start = LineWrapper.SkipBoundary(text, cut, text.Length);
            var suffix = LineView.Suffix(original, text, start, text.Length, width);
            var again = LineView.Suffix(suffix, text, LineWrapper.SkipBoundary(text, Math.Max(start, text.IndexOf(' ', Math.Min(text.Length - 1, start + random.Next(200)))), text.Length), text.Length, width);

            Assert.Equal(LineWrapper.Wrap(text, start, text.Length, width), suffix);
            var secondStart = again.Count > 0 ? again[0].Start : text.Length;
            Assert.Equal(LineWrapper.Wrap(text, secondStart, text.Length, width), again);
        }
    }
}
