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

    /// <summary>
    /// Property: stretches taken with a shift (as a re-parse takes the elements after a change) read back moved, from
    /// lists that were themselves built with shifts, however many segments pile up (past the compaction limit).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Shifted_stretches_read_back_with_their_spans_moved(int seed)
    {
        var random = new Random(seed);
        var list = ElementList.Create([.. Enumerable.Range(0, ElementList.ChunkSize + 500).Select(Numbered)]);
        var expected = list.ToList();
        for (int step = 0; step < 120; step++)
        {
            // Like a keystroke: keep a prefix, put in a few new elements, take the rest moved by the change.
            int first = random.Next(expected.Count + 1);
            int last = Math.Min(expected.Count, first + random.Next(4));
            int delta = random.Next(-3, 4), lineDelta = random.Next(-1, 2);
            var fresh = Enumerable.Range(0, random.Next(3)).Select(i => Numbered(random.Next(100_000))).ToList();
            var builder = new ElementList.Builder();
            builder.AddRange(list, 0, first);
            builder.AddRange(ElementList.Create([.. fresh]), 0, fresh.Count);
            builder.AddRange(list, last, list.Length, delta, lineDelta);
            var moved = expected.Skip(last).Select(e => e with { Span = new SourceSpan(e.Span.Start + delta, e.Span.Length, e.Span.Line + lineDelta) });
            expected = [.. expected.Take(first), .. fresh, .. moved];
            list = builder.ToList();
            Assert.Equal(expected.Count, list.Length);
            int probe = random.Next(Math.Max(1, list.Length));
            if (list.Length > 0)
            {
                Assert.Equal(expected[probe].Span, list.SpanAt(probe)); // read without settling the segment
                Assert.Equal(expected[probe].Text, list.Unshifted(probe).Text);
            }
        }

        Assert.Equal(expected, list);
        Assert.Equal(expected, Enumerable.Range(0, list.Length).Select(i => list[i]));
        Assert.Same(list[list.Length / 2], list[list.Length / 2]); // a settled segment is settled once
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
