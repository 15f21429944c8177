using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Cli.Output;

/// <summary>The human-readable form of <c>screenplay parse</c>: one line per element, <c>line type text</c>.</summary>
internal static class Outline
{
    public static string Write(Document document)
    {
        var builder = new StringBuilder();
        foreach (var entry in document.TitlePage)
        {
            builder.Append(entry.Key).Append(": ").Append(entry.Value.Replace("\n", " / ", StringComparison.Ordinal)).Append('\n');
        }

        foreach (var element in document.Elements)
        {
            builder.Append(element.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6))
                .Append("  ")
                .Append(ParseJson.TypeName(element.Type).PadRight(14))
                .Append(element.Text.Replace("\n", " / ", StringComparison.Ordinal));
            if (element.SceneNumber is { Length: > 0 } number)
            {
                builder.Append("  #").Append(number).Append('#');
            }

            builder.Append(element.Dual ? "  ^\n" : "\n");
        }

        return builder.ToString();
    }
}
