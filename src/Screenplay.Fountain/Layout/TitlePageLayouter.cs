using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// The title page as the industry sets it: title, credit, author(s) and source centered in the upper half;
/// notes, copyright and contact at the bottom left; revision and draft date at the bottom right. Unknown keys are
/// kept in the document but not printed.
/// </summary>
internal static class TitlePageLayouter
{
    private const int TitleRow = 20;
    private static readonly string[] LeftKeys = ["Notes", "Copyright", "Contact"];
    private static readonly string[] RightKeys = ["Revision", "Draft date", "Date"];

    public static Page? Layout(Document document, int bodyRows)
    {
        if (document.TitlePage.IsDefaultOrEmpty)
        {
            return null;
        }

        var lines = ImmutableArray.CreateBuilder<LayoutLine>();
        var row = TitleRow;
        row = Centered(document, "Title", row, lines);
        row = Centered(document, "Credit", row + (row > TitleRow ? 3 : 0), lines);
        var authorKey = document.Title("Author") is not null ? "Author" : "Authors";
        row = Centered(document, authorKey, row + 1, lines);
        Centered(document, "Source", row + 3, lines);

        var bottom = Formats.FirstBodyRow + bodyRows - 1;
        Corner(document, LeftKeys, bottom, rightAligned: false, lines);
        Corner(document, RightKeys, bottom, rightAligned: true, lines);
        return lines.Count == 0 ? null : new Page(0, lines.ToImmutable());
    }

    /// <summary>Prints a key's value centered from <paramref name="row"/>; returns the row after it (or <paramref name="row"/> when the key is absent).</summary>
    private static int Centered(Document document, string key, int row, ImmutableArray<LayoutLine>.Builder into)
    {
        var entry = Entry(document, key);
        if (entry is null)
        {
            return row;
        }

        foreach (var (runs, columns) in Wrapped(entry.Value))
        {
            var x = Formats.X(Formats.Action.Column + (Formats.Action.Width - columns) / 2.0);
            into.Add(Line(x, row++, runs, entry));
        }

        return row;
    }

    /// <summary>Stacks the values of <paramref name="keys"/> (a blank line between) so that the last line sits on <paramref name="bottom"/>.</summary>
    private static void Corner(Document document, string[] keys, int bottom, bool rightAligned, ImmutableArray<LayoutLine>.Builder into)
    {
        var blocks = keys.Select(k => Entry(document, k)).OfType<TitlePageEntry>()
            .Select(e => (Entry: e, Lines: Wrapped(e.Value, rightAligned ? 30 : Formats.Action.Width / 2)))
            .ToList();
        var height = blocks.Sum(b => b.Lines.Count) + Math.Max(0, blocks.Count - 1);
        var row = bottom - height + 1;
        foreach (var (entry, wrapped) in blocks)
        {
            foreach (var (runs, columns) in wrapped)
            {
                var x = rightAligned ? Formats.X(Formats.RightEdge - columns) : Formats.X(Formats.Action.Column);
                into.Add(Line(x, row++, runs, entry));
            }

            row++;
        }
    }

    private static TitlePageEntry? Entry(Document document, string key) =>
        document.TitlePage.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase) && e.Value.Length > 0);

    private static List<(ImmutableArray<TextRun> Runs, int Columns)> Wrapped(string value, int width = 60)
    {
        var text = StyledText.From(TitleMarkup.Parse(value), value);
        return LineWrapper.Wrap(text.Plain, 0, text.Length, width)
            .Select(s => (text.Runs(s.Start, s.End), TextColumns.Of(text.Plain.AsSpan(s.Start, s.End - s.Start))))
            .ToList();
    }

    private static LayoutLine Line(double x, int row, ImmutableArray<TextRun> runs, TitlePageEntry entry) =>
        new(LineKind.TitlePage, x, row, runs) { SourceStart = entry.Span.Start, SourceLength = entry.Span.Length };
}
