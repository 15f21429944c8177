namespace Screenplay.Fountain.Tests.Parsing;

/// <summary>
/// Fountain 1.1 conformance: every <c>Spec/NAME.fountain</c> parses to the dump in <c>Spec/NAME.expected</c>.
/// Set SCREENPLAY_UPDATE_SPEC=1 to rewrite the expected files from the parser (then read the diff before committing).
/// </summary>
public sealed class SpecTests
{
    private static readonly string SpecDirectory = Path.Combine(AppContext.BaseDirectory, "Parsing", "Spec");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SpecDirectory, "*.fountain").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_as_expected(string name)
    {
        var source = File.ReadAllText(Path.Combine(SpecDirectory, name + ".fountain"), new System.Text.UTF8Encoding(false));
        var actual = DocumentDump.Write(Fountain.Parse(source));
        if (Environment.GetEnvironmentVariable("SCREENPLAY_UPDATE_SPEC") == "1")
        {
            var sourceDir = Path.Combine(FindRepositoryRoot(), "tests", "Screenplay.Fountain.Tests", "Parsing", "Spec");
            File.WriteAllText(Path.Combine(sourceDir, name + ".expected"), actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(SpecDirectory, name + ".expected"));
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Screenplay.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
