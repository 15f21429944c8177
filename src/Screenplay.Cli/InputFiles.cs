using System.Text;
using Screenplay.Fountain.Fdx;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Cli;

/// <summary>Reads the files the commands are given, with a clear message for each way a file can be unusable.</summary>
internal static class InputFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A script from a Fountain file, or from a Final Draft file when its name ends in <c>.fdx</c>.</summary>
    public static Document ReadScript(string path) =>
        path.EndsWith(".fdx", StringComparison.OrdinalIgnoreCase)
            ? Fountain.Fountain.Parse(ReadFdxAsFountain(path))
            : Fountain.Fountain.Parse(ReadText(path));

    /// <summary>
    /// A Fountain file as text: UTF-8 (with or without BOM) or UTF-16 with BOM. Binary content (NUL bytes) and bytes
    /// that are not UTF-8 are refused rather than guessed at.
    /// </summary>
    public static string ReadText(string path)
    {
        var bytes = ReadBytes(path);
        if (HasBom(bytes, 0xFF, 0xFE) || HasBom(bytes, 0xFE, 0xFF))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new CliFileException($"{path}: not a text file (it contains binary data).");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new CliFileException($"{path}: not UTF-8 text; save it as UTF-8 and try again.");
        }
    }

    public static string ReadFdxAsFountain(string path)
    {
        var bytes = ReadBytes(path);
        try
        {
            return FinalDraft.ToFountain(new MemoryStream(bytes));
        }
        catch (FdxFormatException e)
        {
            throw new CliFileException($"{path}: {e.Message}", e);
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new CliFileException($"{path}: no such file.", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CliFileException($"{path}: no such file (its folder does not exist).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliFileException($"{path}: cannot be read (permission denied, or it is a folder).", e);
        }
        catch (IOException e)
        {
            throw new CliFileException($"{path}: cannot be read ({OneLine(e.Message)}).", e);
        }
    }

    private static bool HasBom(byte[] bytes, byte first, byte second) =>
        bytes.Length >= 2 && bytes[0] == first && bytes[1] == second;

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
