using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Text;

public sealed class PieceTextTests
{
    [Fact]
    public void Random_edits_read_exactly_like_the_same_edits_on_a_string_across_flattening()
    {
        var random = new Random(23);
        var expected = "INT. HOUSE - DAY\n\nShe waits.\n\nBOB\nHello.\n";
        var text = PieceText.Of(expected);
        var flattened = false;
        for (var step = 0; step < 3000; step++)
        {
            var offset = random.Next(expected.Length + 1);
            var removed = random.Next(3) == 0 ? random.Next(Math.Min(12, expected.Length - offset) + 1) : 0;
            var inserted = random.Next(4) switch { 0 => "", 1 => "\n", 2 => "x", _ => "ab\ncd" };
            var change = new TextChange(offset, removed, inserted);
            var before = text.PieceCount;
            expected = change.ApplyTo(expected);
            text = text.Apply(change);
            flattened |= text.PieceCount < before;

            Assert.Equal(expected.Length, text.Length);
            var at = random.Next(expected.Length + 1);
            var length = random.Next(expected.Length - at + 1);
            Assert.Equal(expected.Substring(at, length), text.Substring(at, length));
            Assert.Equal(expected.AsSpan(at, length).Count('\n'), text.Count('\n', at, length));
            Assert.Equal(expected.Substring(at, length).Count(c => !char.IsWhiteSpace(c)), text.CountNonWhiteSpace(at, length));
            Assert.Equal(expected.IndexOf('\n', at), text.IndexOf('\n', at));
            if (at < expected.Length)
            {
                Assert.Equal(expected[at], text[at]);
                Assert.Equal(expected.LastIndexOf('\n', at), text.LastIndexOf('\n', at));
            }
        }

        Assert.True(flattened, "the edits never reached the piece limit");
        Assert.Equal(expected, text.ToString());
    }
}
