namespace Screenplay.Benchmarks.Revisions;

/// <summary>bench/data/feature.fountain, found by walking up from the benchmark's (generated) output folder.</summary>
internal static class FeatureFile
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "bench", "data", "feature.fountain");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("bench/data/feature.fountain not found above " + AppContext.BaseDirectory);
    }
}
