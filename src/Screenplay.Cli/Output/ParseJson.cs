using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Cli.Output;

/// <summary>
/// The JSON contract of <c>screenplay parse --json</c>: one line,
/// <c>{"title_page":[{"key","value"}],"elements":[{"type","text","scene_number"?,"dual"?,"level"?,"line"}]}</c>.
/// Keys and their order are fixed; <c>scene_number</c>, <c>dual</c> and <c>level</c> appear only where they apply.
/// </summary>
internal static class ParseJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Scripts are read by people too: keep accents, Cyrillic, Japanese and quotes legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Document document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("title_page");
            foreach (var entry in document.TitlePage)
            {
                json.WriteStartObject();
                json.WriteString("key", entry.Key);
                json.WriteString("value", entry.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("elements");
            foreach (var element in document.Elements)
            {
                WriteElement(json, element);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteElement(Utf8JsonWriter json, Element element)
    {
        json.WriteStartObject();
        json.WriteString("type", TypeName(element.Type));
        json.WriteString("text", element.Type == ElementType.PageBreak ? "" : element.Text);
        if (element.Type == ElementType.SceneHeading && !string.IsNullOrEmpty(element.SceneNumber))
        {
            json.WriteString("scene_number", element.SceneNumber);
        }

        if (element.Type == ElementType.Character && element.Dual)
        {
            json.WriteBoolean("dual", true);
        }

        if (element.Type == ElementType.Section)
        {
            json.WriteNumber("level", element.Level);
        }

        json.WriteNumber("line", element.Span.Line);
        json.WriteEndObject();
    }

    public static string TypeName(ElementType type) => type switch
    {
        ElementType.SceneHeading => "scene_heading",
        ElementType.Action => "action",
        ElementType.Character => "character",
        ElementType.Parenthetical => "parenthetical",
        ElementType.Dialogue => "dialogue",
        ElementType.Transition => "transition",
        ElementType.Centered => "centered",
        ElementType.Lyrics => "lyrics",
        ElementType.PageBreak => "page_break",
        ElementType.Section => "section",
        ElementType.Synopsis => "synopsis",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no JSON name for this element type"),
    };
}
