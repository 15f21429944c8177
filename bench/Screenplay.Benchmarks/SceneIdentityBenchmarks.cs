using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Scenes;
using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Text;

namespace Screenplay.Benchmarks;

/// <summary>
/// Carrying scene ids through one accepted change of the 120-page feature (156 scenes), the work the server adds to
/// every update: a keystroke in the middle (only pass one runs), and a whole scene moved from the start to the end
/// (passes one and two: the pasted scene is recognised by content). The re-parse is done in setup, not measured.
/// </summary>
[MemoryDiagnoser]
public class SceneIdentityBenchmarks
{
    private SceneIdentity _state = null!;
    private ChangeSet _keystroke = null!;
    private Document _afterKeystroke = null!;
    private ChangeSet _move = null!;
    private Document _afterMove = null!;

    [GlobalSetup]
    public void Setup()
    {
        var feature = File.ReadAllText(ParsingBenchData.Path("feature.fountain"));
        var document = Fountain.Fountain.Parse(feature);
        _state = SceneIdentity.Start(document);

        var middle = document.Elements.Skip(document.Elements.Length / 2).First(e => e.Type == ElementType.Dialogue);
        var at = middle.Span.Start + (middle.Span.Length / 2);
        _keystroke = ChangeSet.Of(at, at, "e", feature.Length);
        _afterKeystroke = Fountain.Fountain.Parse(_keystroke.Apply(feature));

        var first = document.Scenes[0].Span.Start;
        var second = document.Scenes[1].Span.Start;
        var scene = feature[first..second];
        var tail = feature.EndsWith('\n') ? "\n" + scene : "\n\n" + scene;
        _move = ChangeSet.Of([new TextChange(first, second - first, ""), new TextChange(feature.Length, 0, tail)], feature.Length);
        _afterMove = Fountain.Fountain.Parse(_move.Apply(feature));
        if (_state.Advance(_move, _afterMove).State.Ids[^1] != _state.Ids[0])
        {
            throw new InvalidOperationException("The moved scene lost its id.");
        }
    }

    [Benchmark]
    public SceneIdentityStep Keystroke() => _state.Advance(_keystroke, _afterKeystroke);

    [Benchmark]
    public SceneIdentityStep MoveFirstSceneToEnd() => _state.Advance(_move, _afterMove);
}
