using BenchmarkDotNet.Attributes;
using Screenplay.Fountain.Layout;
using Screenplay.Pdf;

namespace Screenplay.Benchmarks;

/// <summary>The PDF of all pages of the feature (Repeat = 1) and of five times its body, fonts already loaded. Target: under 250 ms warm, linear.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly MemoryStream output = new();
    private PaginatedScript script = null!;

    [Params(1, 5)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Load()
    {
        script = Paginator.Paginate(LayoutBenchmarkData.Feature(Repeat));
        ScreenplayPdf.Write(script, output);
    }

    [Benchmark]
    public long WritePdf()
    {
        output.SetLength(0);
        ScreenplayPdf.Write(script, output);
        return output.Length;
    }
}
