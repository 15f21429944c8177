using System.Text;
using System.Text.Json;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Parsing;

/// <summary>
/// The CLI's <c>parse --json</c> shape, one element per line so expected files read and diff well; notes and
/// emphasis runs are appended because the spec cases check them too.
/// </summary>
internal static class DocumentDump
{
    public static string Write(Document doc)
    {
        var sb = new StringBuilder();
        sb.Append("{\"title_page\":[");
        for (int i = 0; i < doc.TitlePage.Length; i++)
        {
            var t = doc.TitlePage[i];
            sb.Append(i == 0 ? "\n" : ",\n").Append("{\"key\":").Append(Q(t.Key)).Append(",\"value\":").Append(Q(t.Value)).Append('}');
        }

        sb.Append("],\n\"elements\":[");
        for (int i = 0; i < doc.Elements.Length; i++)
        {
            var e = doc.Elements[i];
            sb.Append(i == 0 ? "\n" : ",\n").Append("{\"type\":").Append(Q(TypeName(e.Type))).Append(",\"text\":").Append(Q(e.Text));
            if (e.SceneNumber is not null)
            {
                sb.Append(",\"scene_number\":").Append(Q(e.SceneNumber));
            }

            if (e.Dual)
            {
                sb.Append(",\"dual\":true");
            }

            if (e.Type == ElementType.Section)
            {
                sb.Append(",\"level\":").Append(e.Level);
            }

            sb.Append(",\"line\":").Append(e.Span.Line);
            if (e.Runs.Length > 1 || (e.Runs.Length == 1 && (e.Runs[0].Emphasis != Emphasis.None || e.Runs[0].Text != e.Text)))
            {
                sb.Append(",\"runs\":[").AppendJoin(',', e.Runs.Select(r => $"[{Q(r.Text)},{Q(r.Emphasis.ToString())}]")).Append(']');
            }

            sb.Append('}');
        }

        sb.Append("],\n\"notes\":[");
        sb.AppendJoin(",", doc.Notes.Select(n => $"\n{{\"text\":{Q(n.Text)},\"line\":{n.Span.Line}}}"));
        sb.Append("]}\n");
        return sb.ToString();
    }

    public static string TypeName(ElementType type) => type switch
    {
        ElementType.SceneHeading => "scene_heading",
        ElementType.PageBreak => "page_break",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Q(string s) => JsonSerializer.Serialize(s, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
