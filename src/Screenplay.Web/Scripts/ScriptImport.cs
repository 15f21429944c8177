using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Screenplay.Web.Data;
using Screenplay.Web.Operations;

namespace Screenplay.Web.Scripts;

/// <summary>
/// Import of <c>.fountain</c> (also <c>.spmd</c>, <c>.txt</c>) and Final Draft <c>.fdx</c> files into a new script.
/// A bad file is refused with a message saying what is wrong; nothing is stored.
/// </summary>
internal static class ScriptImport
{
    private static readonly string[] FountainExtensions = [".fountain", ".spmd", ".txt"];

    public static async Task<IResult> ImportAsync(IFormFile? file, HttpContext http, IDbContextFactory<ScreenplayDbContext> dbFactory,
        IOptions<ScreenplayLimits> limits, ILoggerFactory loggers)
    {
        var (text, title, error) = await ReadAsync(file, limits.Value);
        if (error is not null)
        {
            loggers.CreateLogger(typeof(ScriptImport).FullName!).LogInformation("Import refused: {Reason}", error);
            return Results.Redirect("/?error=" + Uri.EscapeDataString(error));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var script = NewScript.Add(db, ScriptAccess.UserId(http.User)!, title!, text!, "import");
        await db.SaveChangesAsync();
        return Results.Redirect($"/scripts/{script.Id}");
    }

    /// <summary>The Fountain text and title of an uploaded file, or why it cannot be imported.</summary>
    internal static async Task<(string? Text, string? Title, string? Error)> ReadAsync(IFormFile? file, ScreenplayLimits limits)
    {
        if (file is null || file.Length == 0) return (null, null, "Choose a .fountain or .fdx file to import.");
        if (file.Length > limits.MaxUploadBytes)
        {
            return (null, null, $"The file is too large: {file.Length:N0} bytes, the limit is {limits.MaxUploadBytes:N0}.");
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var isFdx = extension == ".fdx";
        if (!isFdx && !FountainExtensions.Contains(extension))
        {
            return (null, null, $"'{file.FileName}' is not a screenplay file: import .fountain or .fdx files.");
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }

        string text;
        if (isFdx)
        {
            var (converted, fdxError) = ScriptLayout.FountainFromFdx(bytes);
            if (fdxError is not null) return (null, null, $"'{file.FileName}' could not be read as Final Draft: {fdxError}");
            text = converted!;
        }
        else
        {
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return (null, null, $"'{file.FileName}' is not UTF-8 text.");
            }
            if (text.Contains('\0')) return (null, null, $"'{file.FileName}' is a binary file, not Fountain text.");
            text = text.TrimStart('\uFEFF');
        }

        text = ScriptText.Normalize(text);
        if (ScriptText.CheckSize(text, limits) is { } tooLong) return (null, null, tooLong);
        var title = ScriptLayout.TitleOf(text) ?? Path.GetFileNameWithoutExtension(file.FileName);
        return (text, title, null);
    }
}
