using System.Collections.Immutable;
using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Parsing;

/// <summary>
/// Turns a stretch of source that starts right after a blank line (or at the start of the document) into elements.
/// Works one paragraph at a time (lines between blank lines): every Fountain rule needs only the line before
/// (blank or not) and the line after, which a paragraph holds. Boneyard and notes are cut out using the mask set;
/// a line that held only masked text vanishes instead of acting as a blank line.
/// </summary>
internal sealed class BlockParser
{
    private readonly string _source;
    private readonly Mask[] _masks;
    private readonly List<SourceLine> _paragraph = new();
    private readonly StringBuilder _builder = new();
    private readonly RepeatedTexts _repeated = new();
    private readonly IElementSink _elements;
    private ImmutableArray<TitlePageEntry>.Builder? _titlePage;
    private int _maskIndex;

    private BlockParser(string source, Mask[] masks, IElementSink elements)
    {
        _source = source;
        _masks = masks;
        _elements = elements;
    }

    /// <summary>Parses <c>[from, to)</c>; <paramref name="from"/> is a line start and <paramref name="line"/> its number.</summary>
    public static ImmutableArray<TitlePageEntry> Parse(
        string source, Mask[] masks, int from, int to, int line, bool atDocumentStart, IElementSink output)
    {
        var parser = new BlockParser(source, masks, output);
        parser.Run(from, to, line, atDocumentStart);
        return parser._titlePage?.ToImmutable() ?? [];
    }

    private void Run(int from, int to, int lineNumber, bool atDocumentStart)
    {
        _maskIndex = FirstMaskEndingAfter(from);
        bool firstParagraph = atDocumentStart;
        int pos = from;
        while (pos < to)
        {
            int nl = _source.IndexOf('\n', pos, to - pos);
            int next = nl < 0 ? to : nl + 1;
            int end = nl < 0 ? to : nl;
            if (end > pos && _source[end - 1] == '\r')
            {
                end--;
            }

            ReadLine(pos, end, lineNumber, ref firstParagraph);
            lineNumber++;
            pos = next;
        }

        FlushParagraph(ref firstParagraph);
    }

    private int FirstMaskEndingAfter(int offset)
    {
        int lo = 0, hi = _masks.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_masks[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void ReadLine(int start, int end, int number, ref bool firstParagraph)
    {
        while (_maskIndex < _masks.Length && _masks[_maskIndex].End <= start)
        {
            _maskIndex++;
        }

        if (_maskIndex < _masks.Length && _masks[_maskIndex].Start < end)
        {
            string visible = VisibleText(start, end);
            if (visible.AsSpan().IsWhiteSpace())
            {
                return; // only boneyard or notes here: the line is not there at all
            }

            _paragraph.Add(new SourceLine(start, end, number, visible));
            return;
        }

        var raw = _source.AsSpan(start, end - start);
        if (LineRules.IsBlank(raw))
        {
            FlushParagraph(ref firstParagraph);
            firstParagraph = false; // the title page can only be the paragraph on the first line
            return;
        }

        _paragraph.Add(new SourceLine(start, end, number, null));
    }

    private string VisibleText(int start, int end)
    {
        var sb = new StringBuilder();
        int pos = start;
        int m = _maskIndex;
        while (m < _masks.Length && _masks[m].Start < end)
        {
            if (_masks[m].Start > pos)
            {
                sb.Append(_source, pos, _masks[m].Start - pos);
            }

            pos = Math.Max(pos, _masks[m].End);
            if (_masks[m].End > end)
            {
                break;
            }

            m++;
        }

        if (pos < end)
        {
            sb.Append(_source, pos, end - pos);
        }

        return sb.ToString();
    }

    private bool AllWhitespace()
    {
        foreach (var line in _paragraph)
        {
            if (!line.Text(_source).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private void FlushParagraph(ref bool firstParagraph)
    {
        if (_paragraph.Count == 0)
        {
            return;
        }

        if (AllWhitespace())
        {
            // Lines of spaces alone keep a blank line inside a paragraph; with nothing around them they are nothing.
        }
        else if (firstParagraph && TitlePageParser.Starts(_paragraph, _source))
        {
            _titlePage = TitlePageParser.Parse(_paragraph, _source);
        }
        else
        {
            new ParagraphClassifier(_source, _paragraph, _builder, _repeated, _elements).Classify();
        }

        firstParagraph = false;
        _paragraph.Clear();
    }
}
