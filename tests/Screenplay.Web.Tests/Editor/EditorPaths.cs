namespace Screenplay.Web.Tests.Editor;

/// <summary>Where the editor's JS project and the shared classifier cases are, found from the test binaries.</summary>
internal static class EditorPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string EditorProject => Path.Combine(RepositoryRoot, "src", "Screenplay.Web", "Editor");

    public static string ClassifierCases => Path.Combine(RepositoryRoot, "tests", "Screenplay.Web.Tests", "Editor", "classifier-cases.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Screenplay.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Screenplay.sln above {AppContext.BaseDirectory}.");
    }
}
