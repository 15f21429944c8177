using System.CommandLine;
using Screenplay.Cli.Commands;

namespace Screenplay.Cli;

/// <summary>
/// The <c>screenplay</c> command. Exit codes: 0 done, 1 wrong usage (unknown command or option), 2 a bad input or
/// output file (missing, unreadable, not text, malformed FDX), reported as one line on standard error.
/// </summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int BadFile = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Screenplay: Fountain screenplays to JSON, PDF, Final Draft and statistics.")
        {
            ParseCommand.Create(),
            PdfCommand.Create(),
            FdxCommand.Create(),
            FountainCommand.Create(),
            StatsCommand.Create(),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs a command's work, turning a bad file into its one-line message and exit code 2.</summary>
    public static int Guard(ParseResult result, Action<TextWriter> work)
    {
        var output = result.InvocationConfiguration.Output;
        try
        {
            work(output);
            output.Flush();
            return Success;
        }
        catch (CliFileException e)
        {
            result.InvocationConfiguration.Error.WriteLine($"screenplay: {e.Message}");
            return BadFile;
        }
    }
}
