using Screenplay.Fountain.Syntax;
using Screenplay.Fountain.Writing;

namespace Screenplay.Fountain.Fdx;

/// <summary>
/// Final Draft (<c>.fdx</c>) import and export. Import goes through Fountain text, so an imported script is exactly
/// what a writer would have typed: <see cref="ToFountain(string)"/> gives that text, <see cref="Read(string)"/> its
/// parsed document. Malformed or foreign input throws <see cref="FdxFormatException"/> with a one-line message.
/// </summary>
public static class FinalDraft
{
    /// <summary>The document as an FDX file (UTF-8 XML text).</summary>
    public static string Write(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FdxWriter.Write(document);
    }

    public static string ToFountain(string fdx)
    {
        ArgumentNullException.ThrowIfNull(fdx);
        using var reader = new StringReader(fdx);
        var (document, boneyard) = FdxReader.Read(reader);
        return FountainWriter.Write(document, boneyard);
    }

    /// <summary>Reads an FDX file; the encoding comes from its XML declaration or byte order mark.</summary>
    public static string ToFountain(Stream fdx)
    {
        ArgumentNullException.ThrowIfNull(fdx);
        var (document, boneyard) = FdxReader.Read(fdx);
        return FountainWriter.Write(document, boneyard);
    }

    public static Document Read(string fdx) => Fountain.Parse(ToFountain(fdx));

    public static Document Read(Stream fdx) => Fountain.Parse(ToFountain(fdx));
}
