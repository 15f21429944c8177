using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Revisions;
using Screenplay.Web.Export;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Revisions;

/// <summary>
/// History and production drafts: checkpoints written from the edit log, named drafts, compare, restore (as new
/// live changes), the locked baseline with revision-marked PDFs, revised pages, locked scene numbers, and exports of
/// any point. Readers view and export; Writers name drafts, restore and letter new scenes; the Owner locks.
/// </summary>
internal static class RevisionsSetup
{
    public static WebApplicationBuilder AddRevisions(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RevisionsOptions>(builder.Configuration.GetSection(RevisionsOptions.Section));
        builder.Services.AddSingleton<ScriptHistory>();
        builder.Services.AddSingleton<Checkpoints>();
        builder.Services.AddSingleton<LiveEdits>();
        builder.Services.AddSingleton<Restorer>();
        builder.Services.AddSingleton<Drafts>();
        builder.Services.AddSingleton<RevisionPrints>();
        builder.Services.AddSingleton<CompareNotes>();
        builder.Services.AddHostedService<CheckpointWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRevisions(this IEndpointRouteBuilder app)
    {
        var script = app.MapGroup("/scripts/{id:guid}").RequireAuthorization();

        script.MapGet("/history/{version:int}/export/{format}", async (Guid id, int version, string format, HttpContext http,
            ScriptAccess access, ScriptHistory history, RevisionPrints prints) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Export);
            if (!check.Allowed) return check.ToProblem();
            var text = await history.TextAtAsync(id, version);
            if (text is null) return Results.NotFound();
            var title = await prints.TitleAsync(id);
            var name = $"{title} v{version}";
            return format switch
            {
                "fountain" => ExportFiles.Fountain(text, name),
                "fdx" => ExportFiles.FinalDraft(text, name),
                "pdf" => ExportFiles.Pdf(ScriptLayout.Paginate(text, PageLayout.Default), title, name),
                _ => Results.Problem($"Unknown format '{format}': use fountain, fdx or pdf.", statusCode: StatusCodes.Status400BadRequest),
            };
        });

        script.MapGet("/revisions/marked.pdf", (Guid id, int? version, HttpContext http, ScriptAccess access, RevisionPrints prints) =>
            RevisedPdfAsync(id, version, revisedOnly: false, http, access, prints));
        script.MapGet("/revisions/revised-pages.pdf", (Guid id, int? version, HttpContext http, ScriptAccess access, RevisionPrints prints) =>
            RevisedPdfAsync(id, version, revisedOnly: true, http, access, prints));

        var forms = script.MapGroup("").WithMetadata(new RequireAntiforgeryTokenAttribute());

        forms.MapPost("/history/{version:int}/restore", async (Guid id, int version, HttpContext http, ScriptAccess access, Restorer restorer) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Edit);
            if (!check.Allowed) return check.ToProblem();
            return Done(await restorer.RestoreAsync(id, version, check.Grant!.UserId), $"/scripts/{id}/history?restored={version}");
        });

        forms.MapPost("/history/{version:int}/scenes/{scene:int}/restore", async (Guid id, int version, int scene, HttpContext http,
            ScriptAccess access, Restorer restorer) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Edit);
            if (!check.Allowed) return check.ToProblem();
            return Done(await restorer.RestoreSceneAsync(id, version, scene, check.Grant!.UserId), $"/scripts/{id}/history?restored={version}");
        });

        // The date arrives as text: a browser sends "date=" when the field is left empty, which means today.
        forms.MapPost("/drafts", async (Guid id, [FromForm] string? name, [FromForm] string? color, [FromForm] string? date,
            HttpContext http, ScriptAccess access, Drafts drafts) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.Edit);
            if (!check.Allowed) return check.ToProblem();
            var chosen = RevisionColors.Find(color);
            if (!string.IsNullOrWhiteSpace(color) && chosen is null)
            {
                return Results.Problem($"Unknown revision colour '{color}'.", statusCode: StatusCodes.Status400BadRequest);
            }

            DateOnly? day = null;
            if (!string.IsNullOrWhiteSpace(date))
            {
                if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var parsed))
                {
                    return Results.Problem($"The date '{date}' is not a date (yyyy-mm-dd).", statusCode: StatusCodes.Status400BadRequest);
                }

                day = parsed;
            }

            await drafts.NameAsync(id, name, chosen, day, check.Grant!.UserId);
            return Results.Redirect($"/scripts/{id}/history");
        });

        forms.MapPost("/drafts/{draftId:long}/lock", async (Guid id, long draftId, HttpContext http, ScriptAccess access, Drafts drafts) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.LockRevisions);
            if (!check.Allowed) return check.ToProblem();
            return await drafts.LockAsync(id, draftId) ? Results.Redirect($"/scripts/{id}/history") : Results.NotFound();
        });

        forms.MapPost("/drafts/unlock", async (Guid id, HttpContext http, ScriptAccess access, Drafts drafts) =>
        {
            var check = await access.CheckAsync(id, http.User, ScriptAction.LockRevisions);
            if (!check.Allowed) return check.ToProblem();
            await drafts.UnlockBaselineAsync(id);
            return Results.Redirect($"/scripts/{id}/history");
        });

        forms.MapPost("/scene-numbers/{action:regex(^(lock|update|unlock)$)}", async (Guid id, string action, HttpContext http,
            ScriptAccess access, Drafts drafts) =>
        {
            var check = await access.CheckAsync(id, http.User, action == "update" ? ScriptAction.Edit : ScriptAction.LockRevisions);
            if (!check.Allowed) return check.ToProblem();
            var userId = check.Grant!.UserId;
            var result = action switch
            {
                "lock" => await drafts.LockNumbersAsync(id, userId),
                "update" => await drafts.UpdateNumbersAsync(id, userId),
                _ => await drafts.UnlockNumbersAsync(id, userId),
            };
            return Done(result, $"/scripts/{id}/history");
        });

        return app;
    }

    private static IResult Done(LiveEditResult result, string redirect) =>
        result.Done ? Results.Redirect(redirect) : Results.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);

    private static async Task<IResult> RevisedPdfAsync(Guid id, int? version, bool revisedOnly, HttpContext http, ScriptAccess access, RevisionPrints prints)
    {
        var check = await access.CheckAsync(id, http.User, ScriptAction.Export);
        if (!check.Allowed) return check.ToProblem();
        var (draft, error) = await prints.RevisedAsync(id, version);
        if (draft is null) return Results.Problem(error, statusCode: StatusCodes.Status409Conflict);
        var pages = revisedOnly ? RevisionPrints.RevisedPagesOnly(draft.Pages) : draft.Pages;
        if (revisedOnly && pages.Pages.IsEmpty) return Results.Problem("No page changed since the baseline.", statusCode: StatusCodes.Status409Conflict);
        var name = $"{draft.Title} {draft.HeaderLabel}{(revisedOnly ? " revised pages" : "")}";
        return ExportFiles.Pdf(pages, draft.Title, name);
    }
}
