using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;
using Screenplay.Web.Notes;

namespace Screenplay.Benchmarks;

/// <summary>
/// What the server's scene tracking (Web/Notes/SceneTracker) adds to every accepted keystroke on the 120-page feature
/// (156 scenes), without the database (nothing is written for a keystroke inside a scene): the incremental re-parse,
/// carrying the scene ids (deterministic ids for new scenes) and mapping 20 pinned passages.
/// </summary>
[MemoryDiagnoser]
public class SceneTrackingBenchmarks
{
    private SceneIdentity _state = null!;
    private ChangeSet _keystroke = null!;
    private PassagePin[] _pins = [];
    private Guid _scriptId;

    [GlobalSetup]
    public void Setup()
    {
        var feature = File.ReadAllText(ParsingBenchData.Path("feature.fountain"));
        var document = Fountain.Fountain.Parse(feature);
        _scriptId = Guid.NewGuid();
        _state = SceneIdentity.Start(document, newId: SceneIds.Generator(_scriptId, 0));
        var middle = document.Elements.Skip(document.Elements.Length / 2).First(e => e.Type == ElementType.Dialogue);
        var at = middle.Span.Start + (middle.Span.Length / 2);
        _keystroke = ChangeSet.Of(at, at, "e", feature.Length);
        _pins = [.. Enumerable.Range(0, 20).Select(i => new PassagePin(i * feature.Length / 20, (i * feature.Length / 20) + 40))];
    }

    [Benchmark(Baseline = true)]
    public Document Reparse() => SceneTracker.Reparse(_state.Document, _keystroke);

    [Benchmark]
    public SceneIdentityStep ReparseAdvanceAndMapPins()
    {
        var next = SceneTracker.Reparse(_state.Document, _keystroke);
        var step = _state.Advance(_keystroke, next, SceneIds.Generator(_scriptId, 1));
        foreach (var pin in _pins) pin.Map(_keystroke);
        return step;
    }
}
