using Screenplay.Web.Notes;
using Screenplay.Web.Tests.Collaboration;
using Screenplay.Web.Tests.Notes;

namespace Screenplay.Web.Tests.Export;

/// <summary>
/// The copy of a script's text in its row lags the live session by up to a save interval (here an hour, so the lag is
/// certain). A writer who types the last line and downloads at once must get that line in every format.
/// </summary>
public sealed class LatestTextExportTests(LiveSnapshotTests.SlowSaveApp fixture) : IClassFixture<LiveSnapshotTests.SlowSaveApp>
{
    private readonly ScreenplayApp app = fixture.App;

    [Fact]
    public async Task Downloads_hold_an_edit_acknowledged_a_moment_ago_that_the_stored_copy_lacks()
    {
        var owner = await app.CreateUserAsync("Wren Writer");
        var reader = await app.CreateUserAsync("Rory Reader");
        var scriptId = await owner.CreateScriptAsync("Last line", NotesApp.Text.ReplaceLineEndings("\n"));
        await owner.ShareAsync(scriptId, reader, Data.ScriptRole.Reader);
        await using var editor = await owner.OpenEditorAsync(scriptId, app.BaseAddress);
        editor.Insert(editor.Text.Length, "\n\nShe turns off the light.\n\nFADE OUT.\n");
        await editor.SettleAsync(TimeSpan.FromSeconds(10));

        var fountain = await (await reader.Client.GetAsync($"/scripts/{scriptId}/export/fountain")).Content.ReadAsStringAsync();
        Assert.EndsWith("She turns off the light.\n\nFADE OUT.\n", fountain.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("She turns off the light.", await (await reader.Client.GetAsync($"/scripts/{scriptId}/export/fdx")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdf = await NotesExportTests.PdfLinesAsync(reader, $"/scripts/{scriptId}/export/pdf");
        Assert.Contains("She turns off the light.", pdf);
        Assert.Contains("FADE OUT.", pdf);
    }
}
