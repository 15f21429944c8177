using System.Text;
using System.Xml;

namespace Screenplay.Fountain.Fdx;

internal static class XmlText
{
    /// <summary>
    /// The text without the characters XML 1.0 cannot carry (control characters other than tab and line feed, lone
    /// surrogates); carriage returns become line feeds. Fountain text may hold them, an FDX file may not.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = c != '\r' && XmlConvert.IsXmlChar(c);
            if (!keep && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (keep)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (c == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    builder.Append('\n');
                }
            }
        }

        return builder?.ToString() ?? text;
    }
}
