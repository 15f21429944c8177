using Screenplay.Fountain.Fdx;
using Screenplay.Fountain.Parsing;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Tests.Writing;

namespace Screenplay.Fountain.Tests.Fdx;

public sealed class FdxRoundTripTests
{
    public static TheoryData<string> Scripts() => ScriptCorpus.Names();

    /// <summary>
    /// What survives Final Draft: type, printed text with its emphasis, scene number, dual flag, and section depth up
    /// to Final Draft's four outline levels. Emphasis markers may be spelled differently afterwards (<c>\_</c> for a
    /// literal underscore), so what prints is compared rather than the marked-up text.
    /// </summary>
    private static object Shape(Element e) =>
        (e.Type, Printed(e.Runs), e.SceneNumber, e.Dual, Math.Min(e.Level, 4));

    private static string PrintedValue(TitlePageEntry entry) => Printed(EmphasisParser.Parse(entry.Value));

    /// <summary>
    /// The text with the emphasis each character prints with. Bold or italic on a space does not show (underline
    /// does), and the writer may move a space outside bold or italic markers to keep them apart.
    /// </summary>
    private static string Printed(IEnumerable<TextRun> runs)
    {
        var chars = runs.SelectMany(r => r.Text.Select(c => (c, Emphasis: char.IsWhiteSpace(c) ? r.Emphasis & Emphasis.Underline : r.Emphasis)));
        var builder = new System.Text.StringBuilder();
        Emphasis? current = null;
        foreach (var (c, emphasis) in chars)
        {
            if (emphasis != current)
            {
                builder.Append('|').Append(emphasis).Append(':');
                current = emphasis;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Fountain_to_FDX_and_back_keeps_every_element_and_title_page_entry(string name)
    {
        var original = Fountain.Parse(ScriptCorpus.Text(name));

        var fdx = FinalDraft.Write(original);
        var back = FinalDraft.Read(fdx);

        Assert.Equal(original.Elements.Select(Shape), back.Elements.Select(Shape));
        Assert.Equal(
            original.TitlePage.Select(t => (t.Key, PrintedValue(t))).Order(),
            back.TitlePage.Select(t => (t.Key, PrintedValue(t))).Order());
    }
}
