namespace Screenplay.Web.Operations;

/// <summary>Size limits (configuration section <c>Limits</c>); a request over them gets a clear error and changes nothing.</summary>
public sealed class ScreenplayLimits
{
    public const string Section = "Limits";

    /// <summary>Largest file accepted by import, in bytes (default 5 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Longest script text, in characters (default 2,000,000: about ten feature scripts).</summary>
    public int MaxScriptChars { get; set; } = 2_000_000;
}
