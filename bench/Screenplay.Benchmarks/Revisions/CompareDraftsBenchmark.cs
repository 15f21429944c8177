using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Revisions;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Benchmarks.Revisions;

/// <summary>
/// Two drafts of bench/data/feature.fountain (~120 pages): the second has six scenes reworded, one cut, one added,
/// one moved. Measures the scene compare (with word diffs) and the changed ranges the paginator marks.
/// </summary>
[MemoryDiagnoser]
public class CompareDraftsBenchmark
{
    private Document _first = null!;
    private Document _second = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(FeatureFile.Path);
        _first = Fountain.Fountain.Parse(text);
        _second = Fountain.Fountain.Parse(SecondDraft(text, _first));
    }

    [Benchmark]
    public ScriptComparison CompareScenes() => SceneComparer.Compare(_first, _second);

    [Benchmark]
    public int ChangedRanges() => RevisionMarks.ChangedRanges(_first.Source, _second.Source).Length;

    [Benchmark]
    public ScriptComparison ParseAndCompare() =>
        SceneComparer.Compare(Fountain.Fountain.Parse(_first.Source), Fountain.Fountain.Parse(_second.Source));

    internal static string SecondDraft(string text, Document document)
    {
        var scenes = document.Scenes;
        var edits = new List<(int Offset, int Length, string Insert)>();
        for (var k = 1; k <= 6; k++)
        {
            var scene = scenes[k * scenes.Length / 8];
            var space = text.IndexOf(' ', scene.Span.Start + scene.Span.Length / 2);
            edits.Add((space, 1, " then, without a word, "));
        }

        var cut = scenes[scenes.Length / 5];
        edits.Add((cut.Span.Start, scenes[scenes.Length / 5 + 1].Span.Start - cut.Span.Start, ""));
        edits.Add((scenes[scenes.Length - 3].Span.Start, 0, "EXT. WATER TOWER - DAWN\n\nA lone figure climbs the ladder.\n\n"));
        var moved = scenes[scenes.Length / 3 + 1];
        var movedText = text.Substring(moved.Span.Start, scenes[scenes.Length / 3 + 2].Span.Start - moved.Span.Start);
        edits.Add((moved.Span.Start, movedText.Length, ""));
        edits.Add((scenes[scenes.Length / 3 * 2 + 1].Span.Start, 0, movedText));

        var result = text;
        foreach (var (offset, length, insert) in edits.OrderByDescending(e => e.Offset).ThenBy(e => e.Length))
        {
            result = result.Remove(offset, length).Insert(offset, insert);
        }

        return result;
    }
}
