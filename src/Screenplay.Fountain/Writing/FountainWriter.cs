using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Writing;

/// <summary>
/// Writes a <see cref="Document"/> back as Fountain text that parses to the same elements. Types that Fountain would
/// not recognise on their own (a heading without INT/EXT, a lower-case cue, an all-caps action line...) are written
/// with their forcing marker; notes are kept as their own <c>[[ ]]</c> paragraphs after the element they followed
/// (a text that holds a closer or a blank line is written so that it reads back whole: <see cref="AsideMarkup"/>).
/// Boneyard is not part of the model and so is not written, except by the FDX import, which hands it over apart.
/// </summary>
public static class FountainWriter
{
    public static string Write(Document document) => Write(document, []);

    /// <summary>With boneyard (<c>/* */</c>) paragraphs, each placed like a note whose span starts at its key.</summary>
    internal static string Write(Document document, IReadOnlyList<(int Key, string Text)> boneyard)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder(document.Source.Length + 256);
        WriteTitlePage(builder, document.TitlePage);

        var notes = document.Notes.Select(n => (Start: n.Span.Start, Markup: AsideMarkup.Note(n.Text)))
            .Concat(boneyard.Select(b => (Start: b.Key, Markup: AsideMarkup.Boneyard(b.Text))))
            .OrderBy(n => n.Start)
            .ToList();
        var nextNote = 0;
        var elements = document.Elements;
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            // Notes that stood before this element in the source go right before it, but never inside a speech: a
            // paragraph of its own there would end the dialogue.
            var startsParagraph = element.Type is not (ElementType.Dialogue or ElementType.Parenthetical);
            while (startsParagraph && nextNote < notes.Count && element.Span.Length > 0 && notes[nextNote].Start < element.Span.Start)
            {
                WriteNote(builder, notes[nextNote++].Markup);
            }

            var first = builder.Length == 0;
            WriteElement(builder, element, first, NextIs(elements, i, ElementType.Dialogue, ElementType.Parenthetical));
        }

        while (nextNote < notes.Count)
        {
            WriteNote(builder, notes[nextNote++].Markup);
        }

        return builder.ToString();
    }

    private static bool NextIs(IReadOnlyList<Element> elements, int index, params ElementType[] types) =>
        index + 1 < elements.Count && types.Contains(elements[index + 1].Type);

    private static void WriteTitlePage(StringBuilder builder, IReadOnlyList<TitlePageEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var lines = SplitLines(entry.Value);
            if (lines.Length == 1)
            {
                builder.Append(entry.Key).Append(':');
                if (lines[0].Length > 0)
                {
                    builder.Append(' ').Append(lines[0]);
                }

                builder.Append('\n');
                continue;
            }

            builder.Append(entry.Key).Append(":\n");
            foreach (var line in lines)
            {
                builder.Append("    ").Append(line).Append('\n');
            }
        }

        builder.Append('\n');
    }

    private static void WriteNote(StringBuilder builder, string markup)
    {
        Separate(builder);
        builder.Append(markup).Append('\n');
    }

    /// <summary>Every paragraph stands apart after a blank line, except the parts of one speech.</summary>
    private static void Separate(StringBuilder builder)
    {
        if (builder.Length > 0 && !EndsWithBlankLine(builder))
        {
            builder.Append('\n');
        }
    }

    private static bool EndsWithBlankLine(StringBuilder builder) =>
        builder.Length >= 2 && builder[^1] == '\n' && builder[^2] == '\n';

    private static void WriteElement(StringBuilder builder, Element element, bool firstInFile, bool speechFollows)
    {
        var text = element.Text;
        switch (element.Type)
        {
            case ElementType.SceneHeading:
                Separate(builder);
                builder.Append(ForcingRules.IsNaturalSceneHeading(text) ? "" : ".").Append(text);
                if (!string.IsNullOrEmpty(element.SceneNumber))
                {
                    builder.Append(" #").Append(element.SceneNumber).Append('#');
                }

                builder.Append('\n');
                break;

            case ElementType.Character:
                Separate(builder);
                // First in a file without title page, "NAME: ..." would read as a title page key.
                var natural = ForcingRules.IsNaturalCharacter(text) && !(firstInFile && text.Contains(':', StringComparison.Ordinal));
                builder.Append(natural ? "" : "@").Append(text);
                builder.Append(element.Dual ? " ^\n" : "\n");
                if (!speechFollows)
                {
                    // A cue with nothing to say is not a cue in Fountain: give it an empty line of dialogue.
                    builder.Append("  \n");
                }

                break;

            case ElementType.Parenthetical:
                // Part of the speech: no blank line before it.
                builder.Append(text.StartsWith('(') ? text : "(" + text + ")").Append('\n');
                break;

            case ElementType.Dialogue:
                foreach (var line in SplitLines(text))
                {
                    builder.Append(line.Length == 0 ? "  " : line).Append('\n');
                }

                break;

            case ElementType.Transition:
                Separate(builder);
                builder.Append(ForcingRules.IsNaturalTransition(text) ? "" : "> ").Append(text).Append('\n');
                break;

            case ElementType.Centered:
                Separate(builder);
                foreach (var line in SplitLines(text))
                {
                    builder.Append("> ").Append(line).Append(" <\n");
                }

                break;

            case ElementType.Lyrics:
                Separate(builder);
                foreach (var line in SplitLines(text))
                {
                    builder.Append('~').Append(line).Append('\n');
                }

                break;

            case ElementType.PageBreak:
                Separate(builder);
                builder.Append("===\n");
                break;

            case ElementType.Section:
                Separate(builder);
                builder.Append('#', Math.Max(1, element.Level)).Append(' ').Append(text).Append('\n');
                break;

            case ElementType.Synopsis:
                Separate(builder);
                builder.Append("= ").Append(text).Append('\n');
                break;

            default:
                Separate(builder);
                WriteAction(builder, text, firstInFile);
                break;
        }
    }

    private static void WriteAction(StringBuilder builder, string text, bool firstInFile)
    {
        var lines = SplitLines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var force = i == 0
                ? ForcingRules.ActionNeedsForcing(line, firstInFile, hasNextLine: lines.Length > 1)
                : ForcingRules.ActionContinuationNeedsForcing(line);
            builder.Append(force ? "!" : "").Append(line.Length == 0 ? "  " : line).Append('\n');
        }
    }

    internal static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
