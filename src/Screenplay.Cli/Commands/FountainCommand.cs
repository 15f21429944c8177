using System.CommandLine;

namespace Screenplay.Cli.Commands;

/// <summary><c>screenplay fountain FILE.fdx [-o OUT.fountain]</c>: Final Draft to Fountain.</summary>
internal static class FountainCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Final Draft (.fdx) file to convert" };
        var output = new Option<string>("--output", "-o") { Description = "Fountain file to write (standard output when omitted)" };
        var command = new Command("fountain", "Convert a Final Draft (.fdx) file to Fountain") { file, output };
        command.SetAction(result => CliApp.Guard(result, standardOutput =>
        {
            var text = InputFiles.ReadFdxAsFountain(result.GetRequiredValue(file));
            OutputFiles.WriteText(result.GetValue(output), text, standardOutput);
        }));
        return command;
    }
}
