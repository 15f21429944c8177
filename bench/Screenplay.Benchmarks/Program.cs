using BenchmarkDotNet.Running;
using Screenplay.Benchmarks;

// typeof(Program) would name the web app's Program (this project references it for the history benchmarks).
BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(args);
