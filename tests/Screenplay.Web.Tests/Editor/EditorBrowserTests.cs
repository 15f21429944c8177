using System.Text.Json;
using Microsoft.Playwright;

namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// The built editor bundle (wwwroot/editor/screenplay-editor.js) in real headless Chromium, without a hub: the page
/// is served by Playwright's request routing from the repository, so these tests need no server. What they show:
/// the screenplay look, the writer's keys, autocomplete, search and read-only mode, as a person would use them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Origin = "http://editor.test";

    private const string Script = """
        INT. STAGE 4 - NIGHT

        Darkness. A *single* work light. [[Is this too dark?]]

        MARGOT
        (quietly)
        We lost the light.

        CUT TO:
        """;

    private readonly BrowserSession browsers = new(browser);
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browsers.NewPageAsync(await browsers.NewContextAsync(width: 1200));
        var bundleDir = Path.Combine(EditorPaths.RepositoryRoot, "src", "Screenplay.Web", "wwwroot", "editor");
        await page.RouteAsync($"{Origin}/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path == "/")
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = HarnessPage });
            }
            else if (path.StartsWith("/editor/", StringComparison.Ordinal) && File.Exists(Path.Combine(bundleDir, path["/editor/".Length..])))
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Path = Path.Combine(bundleDir, path["/editor/".Length..]) });
            }
            else
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
            }
        });
        await page.GotoAsync($"{Origin}/");
    }

    public async Task DisposeAsync() => await browsers.DisposeAsync();

    private const string HarnessPage = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><style>#host { height: 700px; display: flex; flex-direction: column; } #host .cm-editor { flex: 1; }</style></head>
        <body><div id="host"></div>
        <script type="module">
          import { createEditor } from '/editor/screenplay-editor.js';
          window.openEditor = (text, role) => {
            window.editor?.destroy();
            window.editor = createEditor(document.getElementById('host'), { text, role, userName: 'Sam' });
            return window.editor.ready;
          };
          window.harnessReady = true;
        </script></body></html>
        """;

    private async Task OpenAsync(string text, string role = "Writer")
    {
        await page.WaitForFunctionAsync("() => window.harnessReady === true");
        await page.EvaluateAsync("([text, role]) => window.openEditor(text, role)", new object[] { text, role });
        await page.Locator(".cm-content").WaitForAsync();
    }

    private Task<string> TextAsync() => page.EvaluateAsync<string>("() => window.editor.getText()");

    private async Task<string[]> LineTypesAsync() =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.cm-line')].map(l => l.dataset.spType)");

    private async Task<double> PaddingLeftAsync(string type) =>
        await page.EvaluateAsync<double>(
            "type => parseFloat(getComputedStyle(document.querySelector(`.cm-line[data-sp-type=${type}]`)).paddingLeft)", type);

    private async Task EndOfDocumentAsync()
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
    }

    [Fact]
    public async Task Editor_formats_a_script_like_the_printed_page()
    {
        await OpenAsync(Script);

        Assert.Equal(
            ["scene_heading", "blank", "action", "blank", "character", "parenthetical", "dialogue", "blank", "transition"],
            await LineTypesAsync());
        var charWidth = await page.EvaluateAsync<double>("""
            () => { const s = document.createElement('span'); s.textContent = 'x'.repeat(10);
                    document.querySelector('.cm-line').appendChild(s); const w = s.getBoundingClientRect().width / 10; s.remove(); return w; }
            """);
        // Indents in characters of 12 pt Courier (10 per inch) from the 1.5 in margin: 3.7 in, 3.1 in, 2.5 in.
        Assert.Equal(22, Math.Round(await PaddingLeftAsync("character") / charWidth));
        Assert.Equal(16, Math.Round(await PaddingLeftAsync("parenthetical") / charWidth));
        Assert.Equal(10, Math.Round(await PaddingLeftAsync("dialogue") / charWidth));
        Assert.Equal(0, await PaddingLeftAsync("action"));
        Assert.Equal("right", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.cm-line[data-sp-type=transition]')).textAlign"));
        Assert.Equal("700", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.cm-line[data-sp-type=scene_heading]')).fontWeight"));
        Assert.Equal("single", await page.Locator(".cm-sp-italic").InnerTextAsync());
        Assert.Equal("[[Is this too dark?]]", await page.Locator(".cm-sp-note").InnerTextAsync());
        Assert.Contains("Courier", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.cm-content')).fontFamily"));
    }

    [Fact]
    public async Task Writer_keys_turn_a_cue_into_dialogue_and_tab_cycles_the_line_type()
    {
        await OpenAsync("INT. STAGE 4 - NIGHT\n\nDarkness.");
        await EndOfDocumentAsync();

        await page.Keyboard.PressAsync("Enter");        // after action: a new paragraph
        await page.Keyboard.TypeAsync("MARGOT");
        await page.Keyboard.PressAsync("Escape");       // close the name suggestions, if any
        await page.Keyboard.PressAsync("Enter");        // after a cue: dialogue on the next line
        await page.Keyboard.TypeAsync("We lost the light.");
        await page.Keyboard.PressAsync("Enter");        // after dialogue: a new paragraph
        await page.Keyboard.TypeAsync("the parking lot");
        await page.Keyboard.PressAsync("Tab");          // action -> scene heading

        Assert.Equal("INT. STAGE 4 - NIGHT\n\nDarkness.\n\nMARGOT\nWe lost the light.\n\n.THE PARKING LOT", await TextAsync());
        Assert.Equal(["scene_heading", "blank", "action", "blank", "character", "dialogue", "blank", "scene_heading"], await LineTypesAsync());

        await page.Keyboard.PressAsync("Shift+Tab");    // back to action
        Assert.EndsWith("\n\n!THE PARKING LOT", await TextAsync()); // capitals alone would read as a cue once dialogue follows
        await page.Keyboard.PressAsync("Control+z");    // undo the type change
        Assert.EndsWith("\n\n.THE PARKING LOT", await TextAsync());
    }

    [Fact]
    public async Task Autocomplete_offers_names_already_in_the_script_and_ctrl_f_opens_search()
    {
        await OpenAsync(Script);
        await EndOfDocumentAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("MA");

        var option = page.Locator(".cm-tooltip-autocomplete li").First;
        await option.WaitForAsync();
        Assert.Equal("MARGOT", await option.InnerTextAsync());
        // CodeMirror ignores Enter on a list open for less than its interactionDelay (75 ms), so a fast typist's Enter
        // is a new line; a person reading the list waits longer than that.
        await page.WaitForTimeoutAsync(150);
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("CUT TO:\n\nMARGOT", await TextAsync());

        await page.Keyboard.PressAsync("Control+f");
        await page.Locator(".cm-search input[name=search]").WaitForAsync();
    }

    [Fact]
    public async Task Enter_after_a_name_typed_in_full_goes_to_dialogue_though_suggestions_were_open()
    {
        await OpenAsync(Script + "\n\nMARGOTTE\nMe too.");
        await EndOfDocumentAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("MA");
        await page.Locator(".cm-tooltip-autocomplete li").First.WaitForAsync(); // MARGOT, MARGOTTE
        await page.Keyboard.TypeAsync("RGOT");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Again.");

        Assert.EndsWith("Me too.\n\nMARGOT\nAgain.", await TextAsync());
        Assert.Equal("dialogue", (await LineTypesAsync())[^1]);
    }

    [Fact]
    public async Task A_reader_cannot_type()
    {
        await OpenAsync(Script, role: "Reader");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("scribble");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        Assert.Equal(Script, await TextAsync());
        Assert.Equal("true", await page.Locator(".cm-content").GetAttributeAsync("aria-readonly"));
    }
}
