using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;

namespace Screenplay.Benchmarks.Revisions;

/// <summary>
/// The revision print of the feature's second draft (see <see cref="CompareDraftsBenchmark"/>) against the first:
/// starred lines and the revision header, with page numbers renumbered or kept from the locked first draft
/// (A-pages). What the revision PDF and "issue revised pages" lay out before drawing.
/// </summary>
[MemoryDiagnoser]
public class RevisionPrintBenchmark
{
    private string _first = "";
    private string _second = "";
    private LockedPages _locked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _first = File.ReadAllText(FeatureFile.Path);
        _second = CompareDraftsBenchmark.SecondDraft(_first, Fountain.Fountain.Parse(_first));
        _locked = RevisionMarks.LockPages(_first);
    }

    [Benchmark(Baseline = true)]
    public int Renumbered() => RevisionMarks.Paginate(_first, _second, PageLayout.Default, "Blue Revision").Pages.Length;

    [Benchmark]
    public int LockedPages() => RevisionMarks.Paginate(_first, _second, PageLayout.Default, "Blue Revision", _locked).Pages.Length;
}
