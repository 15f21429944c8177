using System.Text;
using Screenplay.Fountain.Parsing;

namespace Screenplay.Fountain.Writing;

/// <summary>
/// Notes and boneyard of any text as Fountain markup that reads back as that text. Fountain has no escape inside
/// <c>[[ ]]</c> or <c>/* */</c>: the first closer ends the comment and the rest would leak into the script. So a text
/// holding the closer is written as comments that touch, cut between the closer's two characters: <c>a */ b</c> as
/// <c>/*a **//*/ b*/</c>, <c>a ]] b</c> as <c>[[a ] ]][[] b]]</c> (a piece ending in <c>]</c> gets a space before its
/// closer, which the parser trims off like any note's). <see cref="Joins"/> recognises such pieces so that the FDX
/// writer reads them as one. A note cannot span a blank line, so each blank line of a note is written as two spaces.
/// </summary>
internal static class AsideMarkup
{
    public static string Note(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lines = FountainWriter.SplitLines(text).Select(line => LineRules.IsBlank(line) ? "  " : line);
        foreach (var piece in Pieces(string.Join('\n', lines), "]]"))
        {
            builder.Append("[[").Append(piece).Append(piece.EndsWith(']') ? " ]]" : "]]");
        }

        return builder.ToString();
    }

    public static string Boneyard(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var piece in Pieces(text, "*/"))
        {
            builder.Append("/*").Append(piece).Append("*/");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether two comments that touch in the source (the first ends where the second starts) are pieces of one text
    /// cut at a closer, given their texts (<c>[[a ] ]][[] b]]</c>: <c>a ]</c> and <c>] b</c>).
    /// </summary>
    public static bool Joins(string first, string second, bool boneyard) => boneyard
        ? first.EndsWith('*') && second.StartsWith('/')
        : first.EndsWith(']') && second.StartsWith(']');

    /// <summary>The text cut between the two characters of every occurrence of <paramref name="closer"/>.</summary>
    private static IEnumerable<string> Pieces(string text, string closer)
    {
        var start = 0;
        var at = text.IndexOf(closer, StringComparison.Ordinal);
        while (at >= 0)
        {
            yield return text[start..(at + 1)];
            start = at + 1;
            at = text.IndexOf(closer, start, StringComparison.Ordinal);
        }

        yield return text[start..];
    }
}
