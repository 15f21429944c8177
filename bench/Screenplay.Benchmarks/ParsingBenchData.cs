namespace Screenplay.Benchmarks;

/// <summary>Finds <c>bench/data</c> from wherever BenchmarkDotNet runs the generated project.</summary>
internal static class ParsingBenchData
{
    public static string Path(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "bench", "data", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException($"bench/data/{file} not found above {AppContext.BaseDirectory}");
    }
}
