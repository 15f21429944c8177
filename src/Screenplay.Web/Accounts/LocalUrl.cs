namespace Screenplay.Web.Accounts;

internal static class LocalUrl
{
    /// <summary>The return URL when it stays on this site, else "/" (no open redirects).</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
