using System.Collections.Immutable;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>A full parse: masks, then paragraphs, then notes and the scene index.</summary>
internal static class DocumentParser
{
    public static Document Parse(string text)
    {
        var masks = MaskScanner.Scan(text);
        int start = BodyStart(text);
        var builder = new ElementList.Builder(text.Length / 50); // the feature script has one element per 51 characters
        var indexing = new SceneIndexer.Indexing(builder);
        var titlePage = BlockParser.Parse(text, masks.Masks, start, text.Length, 1, atDocumentStart: true, indexing);
        return new Document(text, titlePage, builder.ToList(), indexing.Scenes(), BuildNotes(text, masks.Masks))
        {
            Masks = masks,
        };
    }

    /// <summary>A byte order mark is not text.</summary>
    public static int BodyStart(string text) => text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

    public static ImmutableArray<Note> BuildNotes(string text, Mask[] masks)
    {
        var notes = ImmutableArray.CreateBuilder<Note>();
        int line = 1;
        int counted = 0;
        foreach (var m in masks)
        {
            if (m.Kind != MaskKind.Note)
            {
                continue;
            }

            line += text.AsSpan(counted, m.Start - counted).Count('\n');
            counted = m.Start;
            notes.Add(NoteAt(text, m, line));
        }

        return notes.ToImmutable();
    }

    public static Note NoteAt(string text, Mask m, int line)
    {
        string inner = text.Substring(m.Start + 2, m.End - m.Start - 4);
        if (inner.Contains('\r'))
        {
            inner = inner.Replace("\r", string.Empty);
        }

        return new Note(inner.Trim(), new SourceSpan(m.Start, m.End - m.Start, line));
    }
}
