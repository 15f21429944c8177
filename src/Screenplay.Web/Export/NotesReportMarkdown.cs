using System.Text;

namespace Screenplay.Web.Export;

/// <summary>
/// The notes report as Markdown: a heading per scene, a bullet per thread (status, author, date), the note body quoted
/// as written, replies nested under it. Names and headings are escaped so they print as text; bodies are Markdown
/// already and are kept (inside a block quote, so a body's own headings cannot break the report's outline).
/// </summary>
internal static class NotesReportMarkdown
{
    public static string Write(NotesReport report)
    {
        var md = new StringBuilder();
        md.Append("# Notes: ").Append(Escape(report.Title)).Append("\n\n");
        if (report.IsEmpty)
        {
            md.Append("No notes yet.\n");
            return md.ToString();
        }

        foreach (var scene in report.Scenes)
        {
            md.Append("## ").Append(scene.Number is null ? "" : Escape(scene.Number) + ". ").Append(Escape(scene.Heading)).Append("\n\n");
            WriteThreads(md, scene.Threads);
        }

        if (report.Detached.Count > 0)
        {
            md.Append("## Detached notes\n\nTheir scene was deleted; each is listed under the heading it last had.\n\n");
            foreach (var scene in report.Detached)
            {
                md.Append("### Was: ").Append(Escape(scene.Heading)).Append("\n\n");
                WriteThreads(md, scene.Threads);
            }
        }

        return md.ToString();
    }

    private static void WriteThreads(StringBuilder md, IReadOnlyList<NotesReportThread> threads)
    {
        foreach (var thread in threads)
        {
            md.Append("- **").Append(thread.Resolved ? "Resolved" : "Open").Append("** · ")
                .Append(Escape(thread.Note.Author)).Append(" · ").Append(thread.Note.When).Append('\n');
            if (!string.IsNullOrWhiteSpace(thread.Passage))
            {
                md.Append("  On: *").Append(Escape(OneLine(thread.Passage))).Append("*\n");
            }

            Quote(md, thread.Note.Body, "  ");
            foreach (var reply in thread.Replies)
            {
                md.Append("  - Reply · ").Append(Escape(reply.Author)).Append(" · ").Append(reply.When).Append('\n');
                Quote(md, reply.Body, "    ");
            }

            md.Append('\n');
        }
    }

    private static void Quote(StringBuilder md, string body, string indent)
    {
        md.Append(indent).Append(">\n");
        foreach (var line in body.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            md.Append(indent).Append("> ").Append(line).Append('\n');
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Backslash-escapes every ASCII punctuation character Markdown could read as markup (CommonMark allows all of them).</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127)
            {
                escaped.Append(c);
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
