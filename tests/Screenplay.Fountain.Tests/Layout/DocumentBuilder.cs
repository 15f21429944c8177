using System.Collections.Immutable;
using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Layout;

/// <summary>
/// Builds a <see cref="Document"/> element by element, with a matching Fountain-like source and spans, so layout
/// can be tested without depending on the parser's every decision.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly StringBuilder _source = new();
    private readonly List<Element> _elements = [];
    private readonly List<TitlePageEntry> _titlePage = [];
    private int _line = 1;

    public DocumentBuilder Title(string key, string value)
    {
        _titlePage.Add(new TitlePageEntry(key, value, Append($"{key}: {value}", blankBefore: false)));
        return this;
    }

    public DocumentBuilder Heading(string text, string? number = null) =>
        Add(new Element(ElementType.SceneHeading, text, default) { SceneNumber = number }, number is null ? text : $"{text} #{number}#");

    public DocumentBuilder Action(string text) => Add(ElementType.Action, text);

    public DocumentBuilder Character(string name, bool dual = false) =>
        Add(new Element(ElementType.Character, name, default) { Dual = dual }, dual ? name + " ^" : name);

    public DocumentBuilder Parenthetical(string text) => Add(ElementType.Parenthetical, text, blankBefore: false);

    public DocumentBuilder Dialogue(string text) => Add(ElementType.Dialogue, text, blankBefore: false);

    public DocumentBuilder Speech(string name, string text) => Character(name).Dialogue(text);

    public DocumentBuilder Transition(string text) => Add(ElementType.Transition, text);

    public DocumentBuilder Centered(string text) => Add(new Element(ElementType.Centered, text, default), $">{text}<");

    public DocumentBuilder Lyrics(string text) => Add(new Element(ElementType.Lyrics, text, default), "~" + text);

    public DocumentBuilder PageBreak() => Add(new Element(ElementType.PageBreak, string.Empty, default), "===");

    public DocumentBuilder Runs(params TextRun[] runs)
    {
        _elements[^1] = _elements[^1] with { Runs = [.. runs] };
        return this;
    }

    public DocumentBuilder ActionLines(int count, string prefix = "Line")
    {
        for (var i = 0; i < count; i++)
        {
            Action($"{prefix} {i + 1}.");
        }

        return this;
    }

    public Document Build() => new(_source.ToString(), [.. _titlePage], [.. _elements], [], []);

    private DocumentBuilder Add(ElementType type, string text, bool blankBefore = true) =>
        Add(new Element(type, text, default), text, blankBefore);

    private DocumentBuilder Add(Element element, string written, bool blankBefore = true)
    {
        if (_titlePage.Count > 0 && _elements.Count == 0)
        {
            blankBefore = true;
        }

        var span = Append(written, blankBefore && _source.Length > 0);
        _elements.Add(element with
        {
            Span = span,
            Runs = element.Runs.IsDefaultOrEmpty && element.Text.Length > 0 ? [new TextRun(element.Text)] : element.Runs,
        });
        return this;
    }

    private SourceSpan Append(string written, bool blankBefore)
    {
        if (_source.Length > 0)
        {
            _source.Append('\n');
            _line++;
            if (blankBefore)
            {
                _source.Append('\n');
                _line++;
            }
        }

        var span = new SourceSpan(_source.Length, written.Length, _line);
        _source.Append(written);
        _line += written.Count(c => c == '\n');
        return span;
    }
}
