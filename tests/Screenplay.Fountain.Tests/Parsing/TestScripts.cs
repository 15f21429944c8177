namespace Screenplay.Fountain.Tests.Parsing;

/// <summary>Scripts the tests share: the benchmark feature and every spec case glued together.</summary>
internal static class TestScripts
{
    public static string Feature() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", "feature.fountain"));

    /// <summary>All spec inputs plus the opening of the feature: every construct in a few kilobytes, cheap to parse thousands of times.</summary>
    public static string Mixed()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Parsing", "Spec");
        var parts = Directory.EnumerateFiles(dir, "*.fountain").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var feature = Feature();
        return feature[..6000] + "\n\n" + string.Join("\n\n", parts);
    }
}
