using BenchmarkDotNet.Attributes;
using Screenplay.Traces;

namespace Screenplay.Benchmarks;

/// <summary>
/// The real automerge-paper editing trace (259,778 edits) applied one change set at a time, the way the
/// collaboration server applies pushes. Target: under one second.
/// </summary>
[MemoryDiagnoser]
public class TraceReplayBenchmarks
{
    private EditingTrace trace = null!;

    [GlobalSetup]
    public void Load()
    {
        trace = EditingTrace.Load("automerge-paper");
        if (trace.ReplayThroughChangeSets() != trace.EndContent) throw new InvalidOperationException("the replay does not reach endContent");
    }

    [Benchmark]
    public int ReplayAutomergePaper() => trace.ReplayThroughChangeSets().Length;
}
