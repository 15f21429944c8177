using System.Collections.Immutable;
using Markdig;
using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Syntax;
using Screenplay.Pdf;

namespace Screenplay.Web.Export;

/// <summary>
/// The notes report as a PDF in the script's own type (Courier 12 pt, 1 in margins, page numbers from page 2): each
/// scene's number and heading in bold, then its threads (status, author, date; the pinned passage; the body as plain
/// text; replies indented under it), detached notes at the end. Laid out here into the same positioned-line pages the
/// screenplay PDF uses, so <see cref="ScreenplayPdf"/> draws it with the same fonts and fallbacks.
/// </summary>
internal static class NotesReportPdf
{
    private const int LeftColumn = 10;
    private const int Width = 65;
    private const int FirstRow = 6;

    public static byte[] Write(NotesReport report, PaperSize paperSize = PaperSize.Letter)
    {
        var paper = Paper.Of(paperSize);
        var writer = new PageWriter(paper.BodyRows);
        writer.Paragraph($"NOTES: {report.Title}", 0, Emphasis.Bold, keepWithNext: 2);
        writer.Blank();
        if (report.IsEmpty)
        {
            writer.Paragraph("No notes yet.", 0);
        }

        foreach (var scene in report.Scenes)
        {
            Scene(writer, (scene.Number is null ? "" : scene.Number + ". ") + scene.Heading, scene.Threads);
        }

        if (report.Detached.Count > 0)
        {
            writer.Blank();
            writer.Paragraph("DETACHED NOTES (their scene was deleted)", 0, Emphasis.Bold | Emphasis.Underline, keepWithNext: 4);
            writer.Blank();
            foreach (var scene in report.Detached)
            {
                Scene(writer, "WAS: " + scene.Heading, scene.Threads);
            }
        }

        var pages = writer.Finish();
        var script = new PaginatedScript(PageLayout.Default with { Paper = paperSize }, paper, null, pages, []) { Title = report.Title };
        return ScreenplayPdf.ToBytes(script, PdfOptions.Default with { Title = $"Notes: {report.Title}" });
    }

    private static void Scene(PageWriter writer, string heading, IReadOnlyList<NotesReportThread> threads)
    {
        writer.Paragraph(heading.ToUpperInvariant(), 0, Emphasis.Bold, keepWithNext: 3, kind: LineKind.SceneHeading);
        writer.Blank();
        foreach (var thread in threads)
        {
            writer.Paragraph($"[{(thread.Resolved ? "RESOLVED" : "OPEN")}] {thread.Note.Author}, {thread.Note.When}", 2, Emphasis.Bold, keepWithNext: 2);
            if (!string.IsNullOrWhiteSpace(thread.Passage))
            {
                writer.Paragraph($"On: \"{thread.Passage}\"", 4, Emphasis.Italic);
            }

            writer.Paragraph(PlainText(thread.Note.Body), 4);
            foreach (var reply in thread.Replies)
            {
                writer.Paragraph($"Reply: {reply.Author}, {reply.When}", 6, Emphasis.Bold, keepWithNext: 2);
                writer.Paragraph(PlainText(reply.Body), 8);
            }

            writer.Blank();
        }
    }

    /// <summary>The Markdown body as the text a reader sees (emphasis and link markup gone), lines kept.</summary>
    private static string PlainText(string markdown) => Markdown.ToPlainText(markdown ?? "").Trim();

    /// <summary>Fills pages row by row; a paragraph that does not fit continues on the next page.</summary>
    private sealed class PageWriter(int bodyRows)
    {
        private readonly List<ImmutableArray<LayoutLine>> _pages = [];
        private readonly List<LayoutLine> _current = [];
        private int _row;

        public void Blank()
        {
            if (_row > 0 && _row < bodyRows)
            {
                _row++;
            }
        }

        /// <summary>Writes wrapped lines at <paramref name="indent"/> cells; <paramref name="keepWithNext"/> rows must fit below its first line.</summary>
        public void Paragraph(string text, int indent, Emphasis emphasis = Emphasis.None, int keepWithNext = 1, LineKind kind = LineKind.Action)
        {
            var lines = Wrap(text, Width - indent);
            if (_row + Math.Min(lines.Count, 2) + keepWithNext - 1 > bodyRows && _row > 0)
            {
                NewPage();
            }

            foreach (var line in lines)
            {
                if (_row >= bodyRows)
                {
                    NewPage();
                }

                _current.Add(new LayoutLine(kind, (LeftColumn + indent) * Paper.CharWidth, FirstRow + _row, [new TextRun(line, emphasis)]));
                _row++;
            }
        }

        public ImmutableArray<Page> Finish()
        {
            if (_current.Count > 0 || _pages.Count == 0)
            {
                NewPage();
            }

            return [.. _pages.Select((lines, i) => new Page(i + 1, lines))];
        }

        private void NewPage()
        {
            var number = _pages.Count + 1;
            if (number >= 2)
            {
                var label = $"{number}.";
                _current.Add(new LayoutLine(LineKind.PageNumber, (LeftColumn + Width - label.Length) * Paper.CharWidth, 3, [new TextRun(label)]));
            }

            _pages.Add([.. _current]);
            _current.Clear();
            _row = 0;
        }

        /// <summary>Greedy wrap at spaces, breaking words longer than the width; every source line break is kept.</summary>
        private static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            foreach (var source in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var rest = source.TrimEnd();
                if (rest.Length == 0)
                {
                    lines.Add("");
                    continue;
                }

                while (rest.Length > width)
                {
                    var cut = rest.LastIndexOf(' ', width);
                    if (cut <= 0)
                    {
                        cut = width;
                    }

                    lines.Add(rest[..cut].TrimEnd());
                    rest = rest[cut..].TrimStart();
                }

                lines.Add(rest);
            }

            return lines;
        }
    }
}
