using Ganss.Xss;
using Markdig;

namespace Screenplay.Web.Notes;

/// <summary>
/// Renders a note body (Markdown) to HTML that is safe to put in a page as is. Two independent layers: Markdig with
/// raw HTML disabled (an HTML tag in a note is shown as text), then HtmlSanitizer over the output with a short list of
/// the tags Markdown makes, no style, and links only to http, https and mailto (so no <c>javascript:</c> or
/// <c>data:</c> URL, however it is spelled with entities or escapes, survives). Links open in a new tab without
/// giving it this page.
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .Build();

    // Configured once; HtmlSanitizer does not change its settings while sanitizing, so one instance serves every thread.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The body as sanitized HTML (empty for an empty body).</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[]
                 {
                     "p", "br", "hr", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                     "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
                     "input",
                 })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "title", "start", "align", "type", "checked", "disabled" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                // Task list boxes only, and never usable: a note is not a form.
                if (element.LocalName == "input" && (element.GetAttribute("type") != "checkbox"))
                {
                    element.Remove();
                    return;
                }

                if (element.LocalName == "input") element.SetAttribute("disabled", "");
                if (element.LocalName == "a" && element.HasAttribute("href"))
                {
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                    element.SetAttribute("target", "_blank");
                }
            }
        };
        return sanitizer;
    }
}
