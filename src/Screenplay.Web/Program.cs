using Screenplay.Web.Accounts;
using Screenplay.Web.Collaboration;
using Screenplay.Web.Components;
using Screenplay.Web.Data;
using Screenplay.Web.Export;
using Screenplay.Web.Notes;
using Screenplay.Web.Operations;
using Screenplay.Web.Revisions;
using Screenplay.Web.Scripts;
using Screenplay.Web.Sharing;

var builder = WebApplication.CreateBuilder(args);

builder.AddOperations();
builder.AddScreenplayDatabase();
builder.Services.AddAccounts();
builder.Services.AddScripts(builder.Configuration);
builder.AddCollaboration();
builder.AddRevisions();
builder.AddNotes();
builder.AddExport();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// `dotnet Screenplay.Web.dll migrate`: apply pending migrations and exit (for production deploys).
if (args.Contains("migrate"))
{
    await app.Services.MigrateDatabaseAsync();
    return;
}
if (app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await app.Services.MigrateDatabaseAsync();
}
await app.Services.SeedDemoAsync(app.Configuration);

app.UseOperations();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz");
app.MapAccounts();
app.MapScripts();
app.MapSharing();
app.MapExport();
app.MapCollaboration();
app.MapRevisions();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
