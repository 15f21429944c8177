using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Benchmarks;

/// <summary>
/// Parsing the 120-page feature (<c>bench/data/feature.fountain</c>): a full parse, the same script five times over
/// (cost must grow linearly), and one keystroke re-parsed incrementally in the middle of the script. The keystroke
/// includes building the new source string, which <see cref="ApplyKeystrokeOnly"/> measures alone.
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
}
