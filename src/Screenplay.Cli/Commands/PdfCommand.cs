using System.CommandLine;
using Screenplay.Fountain.Layout;
using Screenplay.Pdf;

namespace Screenplay.Cli.Commands;

/// <summary><c>screenplay pdf FILE -o OUT.pdf [--paper letter|a4] [--scene-numbers] [--watermark TEXT]</c>.</summary>
internal static class PdfCommand
{
    public static Option<string> PaperOption()
    {
        var paper = new Option<string>("--paper") { Description = "Paper size", DefaultValueFactory = _ => "letter" };
        paper.AcceptOnlyFromAmong("letter", "a4");
        return paper;
    }

    public static PaperSize Paper(string? name) =>
        string.Equals(name, "a4", StringComparison.OrdinalIgnoreCase) ? PaperSize.A4 : PaperSize.Letter;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Fountain (or .fdx) file to print" };
        var output = new Option<string>("--output", "-o") { Description = "PDF file to write", Required = true };
        var paper = PaperOption();
        var sceneNumbers = new Option<bool>("--scene-numbers") { Description = "Print scene numbers in both margins" };
        var watermark = new Option<string>("--watermark") { Description = "Text printed large, diagonal and light on every page" };
        var command = new Command("pdf", "Print a script to PDF in industry format") { file, output, paper, sceneNumbers, watermark };
        command.SetAction(result => CliApp.Guard(result, _ =>
        {
            var document = InputFiles.ReadScript(result.GetRequiredValue(file));
            var layout = new PageLayout
            {
                Paper = Paper(result.GetValue(paper)),
                SceneNumbers = result.GetValue(sceneNumbers),
            };
            var pages = Paginator.Paginate(document, layout);
            var options = new PdfOptions { Watermark = string.IsNullOrWhiteSpace(result.GetValue(watermark)) ? null : result.GetValue(watermark) };
            OutputFiles.Write(result.GetRequiredValue(output), stream => ScreenplayPdf.Write(pages, stream, options));
        }));
        return command;
    }
}
