namespace Screenplay.Cli;

/// <summary>A file the command cannot use; the message names the file and what is wrong, on one line.</summary>
internal sealed class CliFileException(string message, Exception? inner = null) : Exception(message, inner);
