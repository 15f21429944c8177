using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Syntax;

public sealed class ElementListTests
{
    private static Element Numbered(int i) => new(ElementType.Action, $"line {i}", new SourceSpan(i * 10, 5, i + 1));

    /// <summary>Property: whatever mix of single adds and ranges taken from another list, the list reads back the same sequence.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_built_list_reads_back_what_was_added_across_chunk_boundaries(int seed)
    {
        var random = new Random(seed);
        var source = ElementList.Create([.. Enumerable.Range(0, (ElementList.ChunkSize * 3) + 17).Select(Numbered)]);
        for (int round = 0; round < 30; round++)
        {
            var expected = new List<Element>();
            var builder = new ElementList.Builder();
            while (expected.Count < ElementList.ChunkSize * 4)
            {
                if (random.Next(3) == 0)
                {
                    var e = Numbered(random.Next(100_000));
                    builder.Add(e);
                    expected.Add(e);
                    continue;
                }

                // Ranges starting on a chunk boundary while the builder is on one are shared, the rest copied.
                int from = random.Next(2) == 0 ? random.Next(4) * ElementList.ChunkSize : random.Next(source.Length);
                from = Math.Min(from, source.Length);
                int to = Math.Min(source.Length, from + random.Next(ElementList.ChunkSize * 2));
                builder.AddRange(source, from, to);
                expected.AddRange(source.Skip(from).Take(to - from));
            }

            var list = builder.ToList();
            Assert.Equal(expected.Count, list.Length);
            Assert.Equal(expected, list);
            for (int i = 0; i < expected.Count; i += 97)
            {
                Assert.Same(expected[i], list[i]);
            }
        }
    }

    [Fact]
    public void Reading_outside_the_list_throws_instead_of_returning_a_stale_slot()
    {
        var list = ElementList.Create([Numbered(0), Numbered(1)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Empty(ElementList.Empty);
    }

    [Fact]
    public void Elements_are_equal_by_content_whether_or_not_their_runs_were_read()
    {
        var a = new Element(ElementType.Action, "She *runs*.", new SourceSpan(0, 11, 1));
        var b = new Element(ElementType.Action, "She *runs*.", new SourceSpan(0, 11, 1));
        Assert.Equal(3, a.Runs.Length); // a's runs are worked out now, b's not yet
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Span = new SourceSpan(1, 11, 1) });
        Assert.NotEqual(a, b with { Runs = [new TextRun("She runs.")] });
    }
}
