using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Screenplay.Web.Notes;

/// <summary>
/// Highlights <c>@name</c> mentions of people on the script in a note's safe HTML: each mention in a text node (never
/// in an attribute or a link's address) is wrapped in <c>&lt;mark class="mention"&gt;</c>. Works on the parsed DOM of
/// HTML that <see cref="NoteMarkdown"/> already sanitized and only adds elements whose text comes from that HTML, so
/// nothing active can be introduced.
/// </summary>
internal static class NoteMentionMarkup
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The HTML with mentions of <paramref name="names"/> (display names, or any other handle) marked.</summary>
    public static string Highlight(string safeHtml, IEnumerable<string> names)
    {
        var handles = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => "@" + n.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length).ToList();
        if (string.IsNullOrEmpty(safeHtml) || handles.Count == 0 || !safeHtml.Contains('@')) return safeHtml;

        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = safeHtml;
        var texts = body.Descendants<AngleSharp.Dom.IText>().Where(t => t.Data.Contains('@') && t.ParentElement?.LocalName is not ("code" or "pre")).ToList();
        foreach (var text in texts)
        {
            var data = text.Data;
            var pieces = new List<AngleSharp.Dom.INode>();
            var start = 0;
            for (var i = data.IndexOf('@'); i >= 0 && i < data.Length; i = data.IndexOf('@', i + 1))
            {
                if (i > 0 && (char.IsLetterOrDigit(data[i - 1]) || data[i - 1] is '.' or '_' or '-')) continue; // an email address
                var handle = handles.FirstOrDefault(h => string.Compare(data, i, h, 0, h.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (i + h.Length == data.Length || !char.IsLetterOrDigit(data[i + h.Length])));
                if (handle is null) continue;
                if (i > start) pieces.Add(document.CreateTextNode(data[start..i]));
                var mark = document.CreateElement("mark");
                mark.ClassName = "mention";
                mark.TextContent = data.Substring(i, handle.Length);
                pieces.Add(mark);
                start = i + handle.Length;
                i = start - 1;
            }

            if (pieces.Count == 0) continue;
            if (start < data.Length) pieces.Add(document.CreateTextNode(data[start..]));
            foreach (var piece in pieces) text.Parent!.InsertBefore(piece, text);
            text.Parent!.RemoveChild(text);
        }

        return body.InnerHtml;
    }
}
