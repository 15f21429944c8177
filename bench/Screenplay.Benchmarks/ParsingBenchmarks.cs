using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Benchmarks;

/// <summary>
/// Parsing the 120-page feature (<c>bench/data/feature.fountain</c>): a full parse, the same script five times over
/// (cost must grow linearly), and one keystroke re-parsed incrementally in the middle of the script. The keystroke
/// keeps the new text as pieces of the old one (<c>Document.Source</c> is built on first use); <see cref="ApplyKeystrokeOnly"/>
/// measures the whole-string copy it no longer makes, and <see cref="TypingRun"/> a run of keystrokes typed one after
/// the other on the previous result, so the piece table's growth and its periodic flattening are paid for.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private string _feature = string.Empty;
    private string _featureTimesFive = string.Empty;
    private Document _document = null!;
    private TextChange _keystroke;

    [GlobalSetup]
    public void Setup()
    {
        _feature = File.ReadAllText(ParsingBenchData.Path("feature.fountain"));
        _featureTimesFive = string.Join("\n\n", Enumerable.Repeat(_feature, 5));
        _document = Fountain.Fountain.Parse(_feature);

        // A letter typed inside a line of dialogue in the middle of the script.
        var middle = _document.Elements.Skip(_document.Elements.Length / 2).First(e => e.Type == ElementType.Dialogue);
        _keystroke = new TextChange(middle.Span.Start + middle.Span.Length / 2, 0, "e");
    }

    [Benchmark]
    public Document FullParse() => Fountain.Fountain.Parse(_feature);

    [Benchmark]
    public Document FullParseTimesFive() => Fountain.Fountain.Parse(_featureTimesFive);

    [Benchmark]
    public Document KeystrokeReparse() => Fountain.Fountain.Reparse(_document, _keystroke);

    [Benchmark]
    public string ApplyKeystrokeOnly() => _keystroke.ApplyTo(_feature);

    /// <summary>Per keystroke, averaged over 512 letters typed one after another at the same place.</summary>
    [Benchmark(OperationsPerInvoke = 512)]
    public Document TypingRun()
    {
        var document = _document;
        for (int i = 0; i < 512; i++)
        {
            document = Fountain.Fountain.Reparse(document, new TextChange(_keystroke.Offset + i, 0, "e"));
        }

        return document;
    }
}
