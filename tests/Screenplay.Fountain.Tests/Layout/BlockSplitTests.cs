using Screenplay.Fountain.Layout;

namespace Screenplay.Fountain.Tests.Layout;

/// <summary>
/// The property locked pages rely on: cutting a block with more rows allowed never loses the cut and never ends it
/// earlier in the source. <c>PageFlow.CutBefore</c> finds the tallest cut that ends before a locked page's end by
/// halving the allowed rows; that finds it only if this holds for every kind of block, under the widow and orphan
/// rules, sentence ends, abbreviations, parentheticals and line breaks.
/// </summary>
public sealed class BlockSplitTests
{
    private static readonly string[] Pieces =
    [
        "Go.", "Mr. Smith came.", "Wait...", "No!", "Why?", "\"Yes.\"", "(So.)", "at 9 a.m.", "J. R. is here.",
        "word", "word", "longer words here", "it ends.", "\n", "Fine.\"", "x\u3002", "it.",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_taller_allowance_never_loses_a_cut_or_ends_it_earlier(int seed)
    {
        var random = new Random(seed);
        var splits = 0;
        for (var script = 0; script < 150; script++)
        {
            var document = Fountain.Parse(RandomScene(random));
            var builder = new BlockBuilder(document, bodyRows: 54);
            var blocks = new List<Block>();
            while (builder.Next(blocks))
            {
            }

            foreach (var block in blocks)
            {
                foreach (var forced in new[] { false, true })
                {
                    int? firstCut = null;
                    var lastEnd = -1;
                    for (var rows = 1; rows < block.Height; rows++)
                    {
                        var cut = block.Split(rows, forced);
                        if (cut is null)
                        {
                            Assert.True(firstCut is null, $"{block.GetType().Name} of {block.Height} rows (forced: {forced}) cuts at {firstCut} rows but not at {rows}");
                            continue;
                        }

                        var end = cut.Value.First.SourceExtent().End;
                        Assert.True(end >= lastEnd, $"{block.GetType().Name} of {block.Height} rows (forced: {forced}): {rows} rows end at {end}, fewer rows at {lastEnd}");
                        firstCut ??= rows;
                        lastEnd = end;
                        splits++;
                    }
                }
            }
        }

        Assert.True(splits > 1000, $"only {splits} cuts were tried");
    }

    private static string RandomScene(Random random)
    {
        string Paragraph(int pieces) => string.Join(' ', Enumerable.Range(0, pieces).Select(_ => Pieces[random.Next(Pieces.Length)]))
            .Replace(" \n ", "\n", StringComparison.Ordinal).Trim();

        return random.Next(3) switch
        {
            0 => $"INT. A - DAY\n\n{Paragraph(random.Next(5, 120))}\n",
            1 => $"INT. A - DAY\n\nBOB\n{Paragraph(random.Next(3, 60))}\n(beat)\n{Paragraph(random.Next(3, 60))}\n(then)\n{Paragraph(random.Next(1, 30))}\n",
            _ => $"INT. A - DAY\n\nBOB\n(quiet)\n{Paragraph(random.Next(3, 80))}\n",
        };
    }
}
