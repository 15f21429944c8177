namespace Screenplay.Web.Scripts;

/// <summary>The web app's one door to the core library: parse, paginate, scenes and statistics of a script's text.</summary>
internal static class ScriptLayout
{
    // TEMPORARY until Paginator lands on main: replaced by the paginator's page count.
    public static int PageCount(string text) => text.Length == 0 ? 0 : Math.Max(1, (text.Count(c => c == '\n') + 54) / 55);

    // TEMPORARY until the parser lands on main.
    public static string? TitleOf(string text) => null;

    // TEMPORARY until the FDX reader lands on main.
    public static (string? Text, string? Error) FountainFromFdx(byte[] bytes) => (null, "FDX import is not available yet.");
}
