using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Layout;

/// <summary>
/// Lays a screenplay out on pages the way the industry prints it: Courier 12 pt on US Letter or A4, standard indents,
/// page numbers, and the breaking rules (no scene heading, cue or parenthetical alone at the bottom of a page;
/// dialogue split only between sentences with "(MORE)" and "NAME (CONT'D)"; a transition kept with what precedes it;
/// forced breaks; dual dialogue side by side, never split). A pure function: the same document and layout always give
/// the same pages, in time linear in the document.
/// </summary>
public static class Paginator
{
    public static PaginatedScript Paginate(Document document, PageLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        layout ??= PageLayout.Default;
        var paper = Formats.PaperOf(layout.Paper);
        var bodyRows = Formats.BodyRows(paper);

        var locked = layout.LockedPages?.Ends;
        var furniture = new PageFurniture(layout, new RevisionIndex(layout.Revisions));
        var flow = new PageFlow(new BlockBuilder(document, bodyRows, layout.SceneNotes), furniture, bodyRows, locked);
        var flowed = flow.Run();
        IReadOnlyList<PageNumbering> numbers = flow.Numbers;
        if (flowed.Count == 0)
        {
            flowed.Add(furniture.Body([])); // an empty script still prints (and previews) as one blank page
            numbers = locked is { } ends ? [new PageNumbering(1, 0, ends.Length + 1)] : [];
        }

        // Pages each element prints on, for the scene map (rented: a long script's would be a large object).
        var elementCount = document.Elements.Length;
        var elementFirstPage = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, elementCount));
        var elementLastPage = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, elementCount));
        Array.Clear(elementFirstPage, 0, elementCount);
        Array.Clear(elementLastPage, 0, elementCount);
        var pages = ImmutableArray.CreateBuilder<Page>(flowed.Count);
        for (var p = 0; p < flowed.Count; p++)
        {
            var number = p + 1;
            var printed = locked is null ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : numbers[p].ToString();
            var lines = furniture.Finish(flowed[p], printed);
            foreach (var line in lines)
            {
                if (line.ElementIndex >= 0)
                {
                    if (elementFirstPage[line.ElementIndex] == 0)
                    {
                        elementFirstPage[line.ElementIndex] = number;
                    }

                    elementLastPage[line.ElementIndex] = number;
                }
            }

            pages.Add(new Page(number, lines) { PrintedNumber = printed });
        }

        var scenes = SceneMap(document, elementFirstPage, elementLastPage);
        System.Buffers.ArrayPool<int>.Shared.Return(elementFirstPage);
        System.Buffers.ArrayPool<int>.Shared.Return(elementLastPage);
        var titlePage = layout.IncludeTitlePage ? TitlePageLayouter.Layout(document, bodyRows) : null;
        return new PaginatedScript(layout, paper, titlePage, pages.MoveToImmutable(), scenes)
        {
            Title = TitleMarkup.PlainValue(document, "Title"),
            Author = TitleMarkup.PlainValue(document, "Author") ?? TitleMarkup.PlainValue(document, "Authors"),
        };
    }

    internal static DraftLine DraftOf(LineKind kind, double x, StyledText text, Slice slice, SourceMap map, int elementIndex,
        DualSide dual = DualSide.None, Emphasis extra = Emphasis.None)
    {
        var runs = text.Runs(slice.Start, slice.End);
        if (extra != Emphasis.None)
        {
            var marked = new TextRun[runs.Length];
            for (var k = 0; k < runs.Length; k++)
            {
                marked[k] = runs[k] with { Emphasis = runs[k].Emphasis | extra };
            }

            runs = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(marked);
        }

        var (sourceStart, sourceLength) = map.RangeOf(slice);
        return new DraftLine(kind, x, runs, elementIndex, sourceStart, sourceLength, dual);
    }

    private static ImmutableArray<ScenePages> SceneMap(Document document, int[] firstPage, int[] lastPage)
    {
        var elements = document.Elements;
        var scenes = document.Scenes;
        var ranges = new List<(int SceneIndex, int First, int Count, string Heading, string? Number)>();
        if (!scenes.IsDefaultOrEmpty)
        {
            for (var s = 0; s < scenes.Length; s++)
            {
                ranges.Add((s, scenes[s].FirstElement, scenes[s].ElementCount, scenes[s].Heading, scenes[s].Number));
            }
        }
        else
        {
            // A document built by hand may have no scene index: every heading starts a scene.
            var headings = Enumerable.Range(0, elements.Length).Where(i => elements[i].Type == ElementType.SceneHeading).ToList();
            for (var s = 0; s < headings.Count; s++)
            {
                var next = s + 1 < headings.Count ? headings[s + 1] : elements.Length;
                var heading = elements[headings[s]];
                ranges.Add((s, headings[s], next - headings[s], heading.Text, heading.SceneNumber));
            }
        }

        var result = ImmutableArray.CreateBuilder<ScenePages>(ranges.Count);
        var lastKnown = 1;
        foreach (var (index, first, count, heading, number) in ranges)
        {
            var from = 0;
            var to = 0;
            for (var e = Math.Max(0, first); e < Math.Min(elements.Length, first + count); e++)
            {
                if (firstPage[e] == 0)
                {
                    continue;
                }

                if (from == 0)
                {
                    from = firstPage[e];
                }

                to = Math.Max(to, lastPage[e]);
            }

            if (from == 0)
            {
                from = to = lastKnown;
            }

            lastKnown = to;
            result.Add(new ScenePages(index, heading, number, from, to));
        }

        return result.MoveToImmutable();
    }
}
