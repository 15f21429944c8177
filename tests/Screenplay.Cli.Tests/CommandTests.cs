using System.Text.Json;
using System.Xml.Linq;
using UglyToad.PdfPig;

namespace Screenplay.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private const string Script =
        "Title: The Vault\nCredit: Written by\nAuthor: Ada Byron\nContact:\n    1 Main St\n    Springfield\n\n" +
        "# Act One\n\n= The heist goes wrong.\n\nINT. VAULT - NIGHT #1A#\n\n\tDark. *Very* dark. [[fix this]]\n\n" +
        "MARA (V.O.)\n(whispering)\nNow.\n  \nRight now.\n\nJONAH ^\nNo.\n\n> THE END <\n\n~Rain, rain\n~go away\n\n" +
        "CUT TO:\n\n===\n\n.flashback\n\nEXT. ROOF - DAY\n\nMARA\nDone.\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Parse_json_prints_exactly_the_contract_shape()
    {
        var run = CliRun.Of("parse", _folder.File("vault.fountain", Script), "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(
            """{"title_page":[{"key":"Title","value":"The Vault"},{"key":"Credit","value":"Written by"},{"key":"Author","value":"Ada Byron"},{"key":"Contact","value":"1 Main St\nSpringfield"}],"elements":[""" +
            """{"type":"section","text":"Act One","level":1,"line":8},""" +
            """{"type":"synopsis","text":"The heist goes wrong.","line":10},""" +
            """{"type":"scene_heading","text":"INT. VAULT - NIGHT","scene_number":"1A","line":12},""" +
            """{"type":"action","text":"    Dark. *Very* dark.","line":14},""" +
            """{"type":"character","text":"MARA (V.O.)","line":16},""" +
            """{"type":"parenthetical","text":"(whispering)","line":17},""" +
            """{"type":"dialogue","text":"Now.\n\nRight now.","line":18},""" +
            """{"type":"character","text":"JONAH","dual":true,"line":22},""" +
            """{"type":"dialogue","text":"No.","line":23},""" +
            """{"type":"centered","text":"THE END","line":25},""" +
            """{"type":"lyrics","text":"Rain, rain\ngo away","line":27},""" +
            """{"type":"transition","text":"CUT TO:","line":30},""" +
            """{"type":"page_break","text":"","line":32},""" +
            """{"type":"scene_heading","text":"flashback","line":34},""" +
            """{"type":"scene_heading","text":"EXT. ROOF - DAY","line":36},""" +
            """{"type":"character","text":"MARA","line":38},""" +
            """{"type":"dialogue","text":"Done.","line":39}]}""" + "\n",
            run.Output);
    }

    [Fact]
    public void Fdx_then_fountain_gives_back_a_script_that_parses_to_the_same_json()
    {
        var source = _folder.File("vault.fountain", Script);
        var fdx = _folder.File("vault.fdx");
        var back = _folder.File("back.fountain");

        var toFdx = CliRun.Of("fdx", source, "-o", fdx);
        var toFountain = CliRun.Of("fountain", fdx, "-o", back);

        Assert.Equal((0, 0), (toFdx.ExitCode, toFountain.ExitCode));
        Assert.Equal("Script", (string?)XDocument.Load(fdx).Root!.Attribute("DocumentType"));
        var original = JsonDocument.Parse(CliRun.Of("parse", source, "--json").Output);
        var roundTripped = JsonDocument.Parse(CliRun.Of("parse", back, "--json").Output);
        Assert.Equal(Elements(original), Elements(roundTripped));
        Assert.Equal(original.RootElement.GetProperty("title_page").ToString(), roundTripped.RootElement.GetProperty("title_page").ToString());
    }

    /// <summary>Elements without their line numbers, which move when the script is rewritten.</summary>
    private static string[] Elements(JsonDocument json) =>
        [.. json.RootElement.GetProperty("elements").EnumerateArray().Select(e =>
            string.Join(",", e.EnumerateObject().Where(p => p.Name != "line").Select(p => $"{p.Name}={p.Value}")))];

    [Fact]
    public void Pdf_prints_a_title_page_and_the_script_with_the_options_asked_for()
    {
        var output = _folder.File("vault.pdf");

        var run = CliRun.Of("pdf", _folder.File("vault.fountain", Script), "-o", output, "--paper", "a4", "--scene-numbers", "--watermark", "FOR ADA");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        using var pdf = PdfDocument.Open(output);
        Assert.Equal(3, pdf.NumberOfPages);
        var titlePage = pdf.GetPage(1);
        Assert.Contains("The Vault", titlePage.Text, StringComparison.Ordinal);
        var first = pdf.GetPage(2);
        Assert.Equal((595, 842), ((int)Math.Round(first.Width), (int)Math.Round(first.Height)));
        Assert.Contains("INT. VAULT - NIGHT", first.Text, StringComparison.Ordinal);
        Assert.Equal(2, first.GetWords().Count(w => w.Text == "1A"));
        Assert.Contains("FOR", pdf.GetPage(3).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_defaults_to_US_letter_without_scene_numbers()
    {
        var output = _folder.File("vault.pdf");

        var run = CliRun.Of("pdf", _folder.File("vault.fountain", Script), "-o", output);

        Assert.Equal(0, run.ExitCode);
        using var pdf = PdfDocument.Open(output);
        var first = pdf.GetPage(2);
        Assert.Equal((612, 792), ((int)Math.Round(first.Width), (int)Math.Round(first.Height)));
        Assert.DoesNotContain(first.GetWords(), w => w.Text == "1A");
        Assert.DoesNotContain("FOR", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_json_counts_pages_scenes_runtime_dialogue_and_settings()
    {
        var run = CliRun.Of("stats", _folder.File("vault.fountain", Script), "--json");

        Assert.Equal(0, run.ExitCode);
        var stats = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal((2, 3, 2), (stats.GetProperty("pages").GetInt32(), stats.GetProperty("scenes").GetInt32(), stats.GetProperty("estimated_runtime_minutes").GetInt32()));
        Assert.Equal(
            ["MARA 2 3 4 0.75 0.8", "JONAH 1 1 1 0.25 0.2"],
            stats.GetProperty("characters").EnumerateArray().Select(c =>
                $"{c.GetProperty("name")} {c.GetProperty("speeches")} {c.GetProperty("lines")} {c.GetProperty("words")} {c.GetProperty("line_share")} {c.GetProperty("word_share")}"));
        Assert.Equal("""{"int":1,"ext":1,"int_ext":0,"unspecified":1}""", Compact(stats.GetProperty("settings")));
        Assert.Equal((1, 1, 1), (stats.GetProperty("times_of_day").GetProperty("day").GetInt32(), stats.GetProperty("times_of_day").GetProperty("night").GetInt32(), stats.GetProperty("times_of_day").GetProperty("other").GetInt32()));
    }

    [Fact]
    public void Stats_reads_a_Final_Draft_file_as_well()
    {
        var fdx = _folder.File("vault.fdx");
        Assert.Equal(0, CliRun.Of("fdx", _folder.File("vault.fountain", Script), "-o", fdx).ExitCode);

        var run = CliRun.Of("stats", fdx);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Pages:     2\nScenes:    3\nRuntime:   about 2 min (one page per minute)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nMARA", run.Output, StringComparison.Ordinal);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
