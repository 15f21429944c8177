using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Classifies one paragraph (non-blank lines with a blank line, or the start of the text, before them).
/// The first line decides the paragraph-level types: a scene heading, a lone transition, or a character cue
/// followed by dialogue. Otherwise each line is read on its own and runs of action, lyrics or centered lines are joined.
/// </summary>
internal readonly ref struct ParagraphClassifier
{
    private readonly string _source;
    private readonly List<SourceLine> _lines;
    private readonly StringBuilder _sb;
    private readonly RepeatedTexts _repeated;
    private readonly IElementSink _output;

    public ParagraphClassifier(string source, List<SourceLine> lines, StringBuilder sb, RepeatedTexts repeated, IElementSink output)
    {
        _source = source;
        _lines = lines;
        _sb = sb;
        _repeated = repeated;
        _output = output;
    }

    public void Classify()
    {
        var first = _lines[0].Text(_source).Trim();
        if (LineRules.IsForcedSceneHeading(first) || (LineRules.IsNaturalSceneHeading(first) && !IsForcedOther(first)))
        {
            EmitHeading(_lines[0], first);
            ReadLines(1);
            return;
        }

        if (_lines.Count == 1 && !IsForcedOther(first) && LineRules.IsNaturalTransition(first))
        {
            Emit(ElementType.Transition, _repeated.Get(first), 0, 0);
            return;
        }

        if (_lines.Count > 1 && IsCharacterCue(first))
        {
            EmitCharacter(first);
            ReadDialogue();
            return;
        }

        ReadLines(0);
    }

    /// <summary>Lines starting with a marker that forces another type can never be a cue, heading or natural transition.</summary>
    private static bool IsForcedOther(ReadOnlySpan<char> t) =>
        t.Length > 0 && t[0] is '!' or '@' or '#' or '=' or '~' or '>' or '.';

    private static bool IsCharacterCue(ReadOnlySpan<char> t)
    {
        if (t.Length > 1 && t[0] == '@')
        {
            return !StripDual(t[1..]).IsEmpty;
        }

        return !IsForcedOther(t) && LineRules.IsNaturalCharacter(StripDual(t));
    }

    private static ReadOnlySpan<char> StripDual(ReadOnlySpan<char> t)
    {
        t = t.Trim();
        return t.Length > 0 && t[^1] == '^' ? t[..^1].TrimEnd() : t;
    }

    private void EmitHeading(SourceLine line, ReadOnlySpan<char> text)
    {
        if (text[0] == '.')
        {
            text = text[1..].TrimStart();
        }

        string? number = null;
        if (text.Length > 2 && text[^1] == '#')
        {
            int open = text[..^1].LastIndexOf('#');
            if (open >= 0 && IsSceneNumber(text[(open + 1)..^1]))
            {
                number = text[(open + 1)..^1].ToString();
                text = text[..open].TrimEnd();
            }
        }

        var span = new SourceSpan(line.Start, line.End - line.Start, line.Number);
        string s = text.ToString();
        _output.Add(new Element(ElementType.SceneHeading, s, span) { SceneNumber = number });
    }

    private static bool IsSceneNumber(ReadOnlySpan<char> n)
    {
        if (n.IsEmpty)
        {
            return false;
        }

        foreach (char c in n)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private void EmitCharacter(ReadOnlySpan<char> first)
    {
        bool dual = first.Length > 0 && first[^1] == '^';
        var name = StripDual(first[0] == '@' ? first[1..] : first);
        string s = _repeated.Get(name);
        var line = _lines[0];
        _output.Add(new Element(ElementType.Character, s, new SourceSpan(line.Start, line.End - line.Start, line.Number))
        {
            Dual = dual,
        });
    }

    private void ReadDialogue()
    {
        int runStart = -1;
        for (int i = 1; i < _lines.Count; i++)
        {
            var raw = _lines[i].Text(_source);
            var t = raw.Trim();
            if (t.Length >= 2 && t[0] == '(' && t[^1] == ')')
            {
                FlushDialogue(runStart, i);
                runStart = -1;
                Emit(ElementType.Parenthetical, _repeated.Get(t), i, i);
                continue;
            }

            if (runStart < 0)
            {
                runStart = i;
            }
        }

        FlushDialogue(runStart, _lines.Count);
    }

    private void FlushDialogue(int from, int to)
    {
        if (from < 0)
        {
            return;
        }

        if (to - from == 1)
        {
            Emit(ElementType.Dialogue, _lines[from].Text(_source).Trim().ToString(), from, from);
            return;
        }

        _sb.Clear();
        for (int i = from; i < to; i++)
        {
            if (i > from)
            {
                _sb.Append('\n');
            }

            _sb.Append(_lines[i].Text(_source).Trim());
        }

        Emit(ElementType.Dialogue, _sb.ToString(), from, to - 1);
    }

    private enum Run : byte
    {
        None,
        Action,
        Lyrics,
        Centered,
    }

    /// <summary>Line by line from <paramref name="from"/>; runs of action, lyrics and centered lines become one element each.</summary>
    private void ReadLines(int from)
    {
        var run = Run.None;
        int runStart = from;
        for (int i = from; i < _lines.Count; i++)
        {
            var raw = _lines[i].Text(_source);
            var t = raw.Trim();
            var kind = Run.Action;
            if (LineRules.IsPageBreak(t))
            {
                kind = Run.None;
                FlushRun(run, runStart, i);
                Emit(ElementType.PageBreak, string.Empty, i, i);
            }
            else if (t.Length > 0 && t[0] == '#')
            {
                kind = Run.None;
                FlushRun(run, runStart, i);
                int level = t.IndexOfAnyExcept('#');
                level = level < 0 ? t.Length : level;
                var s = t[level..].Trim().ToString();
                _output.Add(new Element(ElementType.Section, s, Span(i, i)) { Level = level });
            }
            else if (t.Length > 0 && t[0] == '=')
            {
                kind = Run.None;
                FlushRun(run, runStart, i);
                Emit(ElementType.Synopsis, t[1..].Trim().ToString(), i, i);
            }
            else if (t.Length > 0 && t[0] == '~')
            {
                kind = Run.Lyrics;
            }
            else if (LineRules.IsCentered(t))
            {
                kind = Run.Centered;
            }
            else if (t.Length > 0 && t[0] == '>')
            {
                kind = Run.None;
                FlushRun(run, runStart, i);
                Emit(ElementType.Transition, _repeated.Get(t[1..].Trim()), i, i);
            }

            if (kind != run)
            {
                if (kind != Run.None)
                {
                    FlushRun(run, runStart, i);
                }

                runStart = i;
                run = kind;
            }
        }

        FlushRun(run, runStart, _lines.Count);
    }

    private void FlushRun(Run run, int from, int to)
    {
        if (run == Run.None || from >= to)
        {
            return;
        }

        _sb.Clear();
        for (int i = from; i < to; i++)
        {
            if (i > from)
            {
                _sb.Append('\n');
            }

            var raw = _lines[i].Text(_source);
            switch (run)
            {
                case Run.Lyrics:
                    _sb.Append(raw.Trim()[1..].Trim());
                    break;
                case Run.Centered:
                    _sb.Append(raw.Trim()[1..^1].Trim());
                    break;
                default:
                    AppendActionLine(raw);
                    break;
            }
        }

        var type = run switch { Run.Lyrics => ElementType.Lyrics, Run.Centered => ElementType.Centered, _ => ElementType.Action };
        Emit(type, TrimOuter(_sb, type == ElementType.Action), from, to - 1);
    }

    /// <summary>An action line keeps its indentation (tabs as four spaces); a forcing <c>!</c> goes, a two-space line is empty.</summary>
    private void AppendActionLine(ReadOnlySpan<char> raw)
    {
        raw = raw.TrimEnd();
        int lead = raw.IndexOfAnyExcept(' ', '\t');
        if (lead < 0)
        {
            return;
        }

        for (int k = 0; k < lead; k++)
        {
            _sb.Append(raw[k] == '\t' ? "    " : " ");
        }

        var body = raw[lead..];
        _sb.Append(body[0] == '!' ? body[1..] : body);
    }

    /// <summary>Outer whitespace goes; for action only the trailing side and empty leading lines, so indentation stays.</summary>
    private static string TrimOuter(StringBuilder sb, bool keepIndent)
    {
        int start = 0;
        int end = sb.Length;
        while (end > start && char.IsWhiteSpace(sb[end - 1]))
        {
            end--;
        }

        if (keepIndent)
        {
            while (start < end && sb[start] == '\n')
            {
                start++;
            }
        }
        else
        {
            while (start < end && char.IsWhiteSpace(sb[start]))
            {
                start++;
            }
        }

        return sb.ToString(start, end - start);
    }

    private SourceSpan Span(int firstLine, int lastLine)
    {
        var a = _lines[firstLine];
        var b = _lines[lastLine];
        return new SourceSpan(a.Start, b.End - a.Start, a.Number);
    }

    private void Emit(ElementType type, string text, int firstLine, int lastLine)
    {
        _output.Add(new Element(type, text, Span(firstLine, lastLine)));
    }
}
