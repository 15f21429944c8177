using System.Net;

namespace Screenplay.Web.Operations;

/// <summary>The small page behind an error status (404, 403, 400, 413, 500) that has no body of its own.</summary>
internal static class StatusPage
{
    public static Task WriteAsync(HttpResponse response)
    {
        var message = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "There is nothing here, or you do not have access to it.",
            StatusCodes.Status403Forbidden => "Your role on this script does not allow that.",
            StatusCodes.Status400BadRequest => "The request was not valid. Reload the page and try again.",
            StatusCodes.Status413PayloadTooLarge => "That is larger than this server accepts.",
            >= 500 => "Something went wrong on our side; it has been logged. Your last save is safe.",
            _ => ReasonPhrase(response.StatusCode),
        };
        response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(ReasonPhrase(response.StatusCode));
        return response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"stylesheet\" href=\"/app.css\"></head>" +
            $"<body><main class=\"content\"><h1>{title}</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href=\"/\">Back to your scripts</a></p></main></body></html>");
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"Error {status}";
}
