using System.Text;

namespace Screenplay.Cli;

/// <summary>Writes results to the <c>-o</c> file, or to standard output for text results when none is given.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteText(string? path, string text, TextWriter standardOutput)
    {
        if (path is null)
        {
            standardOutput.Write(text);
            return;
        }

        Write(path, stream =>
        {
            var bytes = Utf8.GetBytes(text);
            stream.Write(bytes);
        });
    }

    /// <summary>Writes through a temporary file beside the target, so a failed run never leaves half a file behind.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CliFileException($"{path}: cannot be written ({InputFiles.OneLine(e.Message)}).", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the temporary file was never created or is already gone.
        }
    }
}
