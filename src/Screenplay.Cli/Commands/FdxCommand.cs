using System.CommandLine;
using Screenplay.Fountain.Fdx;

namespace Screenplay.Cli.Commands;

/// <summary><c>screenplay fdx FILE [-o OUT.fdx]</c>: Fountain to Final Draft.</summary>
internal static class FdxCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Fountain file to convert" };
        var output = new Option<string>("--output", "-o") { Description = "FDX file to write (standard output when omitted)" };
        var command = new Command("fdx", "Convert a Fountain file to Final Draft (.fdx)") { file, output };
        command.SetAction(result => CliApp.Guard(result, standardOutput =>
        {
            var document = InputFiles.ReadScript(result.GetRequiredValue(file));
            OutputFiles.WriteText(result.GetValue(output), FinalDraft.Write(document), standardOutput);
        }));
        return command;
    }
}
