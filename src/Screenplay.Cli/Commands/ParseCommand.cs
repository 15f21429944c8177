using System.CommandLine;
using Screenplay.Cli.Output;

namespace Screenplay.Cli.Commands;

/// <summary><c>screenplay parse FILE [--json]</c>: the parsed elements, as the JSON contract or as a readable outline.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Fountain file to parse" };
        var json = new Option<bool>("--json") { Description = "Print the elements as JSON (the documented contract)" };
        var command = new Command("parse", "Parse a Fountain file and print its title page and elements") { file, json };
        command.SetAction(result => CliApp.Guard(result, output =>
        {
            var document = InputFiles.ReadScript(result.GetRequiredValue(file));
            output.Write(result.GetValue(json) ? ParseJson.Write(document) : Outline.Write(document));
        }));
        return command;
    }
}
