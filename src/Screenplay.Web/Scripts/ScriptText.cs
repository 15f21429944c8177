using Screenplay.Web.Operations;

namespace Screenplay.Web.Scripts;

/// <summary>Rules for the Fountain text a script stores.</summary>
internal static class ScriptText
{
    /// <summary>Line endings as LF (the editor, the change sets and the parser all count in LF text).</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>An error message when the text is over the configured limit, else null.</summary>
    public static string? CheckSize(string text, ScreenplayLimits limits) =>
        text.Length > limits.MaxScriptChars
            ? $"The script is too long: {text.Length:N0} characters, the limit is {limits.MaxScriptChars:N0}."
            : null;

    public static string CleanTitle(string? title)
    {
        var t = (title ?? "").Trim();
        if (t.Length == 0) t = "Untitled";
        return t.Length > 200 ? t[..200] : t;
    }
}
