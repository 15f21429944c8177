using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Benchmarks;

/// <summary>Pagination of the feature script (Repeat = 1: ~130 pages) and of the same body five times (~650 pages). Target: under 10 ms, linear.</summary>
[MemoryDiagnoser]
public class LayoutBenchmarks
{
    private Document document = null!;

    [Params(1, 5)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Load() => document = LayoutBenchmarkData.Feature(Repeat);

    [Benchmark]
    public int Paginate() => Paginator.Paginate(document).Pages.Length;
}
