using System.CommandLine;
using Screenplay.Cli.Output;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Statistics;

namespace Screenplay.Cli.Commands;

/// <summary><c>screenplay stats FILE [--json] [--paper letter|a4]</c>: pages, scenes, runtime, dialogue and settings.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Fountain (or .fdx) file" };
        var json = new Option<bool>("--json") { Description = "Print the statistics as JSON" };
        var paper = PdfCommand.PaperOption();
        var command = new Command("stats", "Print a script's statistics: pages, scenes, runtime, dialogue per character, locations") { file, json, paper };
        command.SetAction(result => CliApp.Guard(result, output =>
        {
            var document = InputFiles.ReadScript(result.GetRequiredValue(file));
            var stats = ScriptStatistics.Compute(document, new PageLayout { Paper = PdfCommand.Paper(result.GetValue(paper)) });
            output.Write(result.GetValue(json) ? StatsReport.Json(stats) : StatsReport.Text(stats));
        }));
        return command;
    }
}
