using System.Text;
using Screenplay.Fountain.Syntax;

namespace Screenplay.Fountain.Tests.Parsing;

/// <summary>The parser never throws and loses nothing, whatever it is given.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, string> HostileInputs() => new()
    {
        { "crlf and lone cr", "Title: A\r\n\r\nINT. HOUSE\r\n\r\nBOB\r\nHi\rthere\r\n" },
        { "bom in the middle", "Action\uFEFF.\n\n\uFEFFINT. HOUSE - DAY\n" },
        { "control characters", "\0\u0001\u0002\u001b[31m\n\n\u0007BOB\n\u0000\n" },
        { "tabs everywhere", "\t\t\n\tINT. HOUSE\n\n\t@\t\n\t(\t)\n" },
        { "unbalanced boneyard", "/* /* /*\n\n*/ */ */ /*\n" },
        { "unbalanced notes", "[[ [[ [[\n\n]] ]] [[\n]]]]" },
        { "markers alone", "@\n\n!\n\n~\n\n>\n\n<\n\n=\n\n#\n\n.\n\n^\n\n(\n\n)\n\n*\n\n_\n\n\\\n\n#1#\n" },
        { "surrogate halves", "\ud800\n\nBOB\n\udc00\n" },
        { "emphasis soup", "***_**_*\\*\\_*_***__**_*\\" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_parses_and_reparses_without_throwing(string name, string text)
    {
        var doc = Fountain.Parse(text);
        AssertWellFormed(doc);
        for (int i = 0; i <= text.Length; i++)
        {
            var edited = Fountain.Reparse(doc, new global::Screenplay.Fountain.Text.TextChange(i, 0, "x"));
            Assert.True(DocumentComparer.Equal(Fountain.Parse(edited.Source), edited), name);
        }
    }

    [Fact]
    public void Random_garbage_never_throws_and_every_span_stays_inside_the_text()
    {
        var random = new Random(11);
        const string alphabet = "abcXYZ \t\n\n\r*_\\/[]#=!@~<>.^():'ÄЖ日\u0000\u001f\uFEFF";
        for (int round = 0; round < 300; round++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 400);
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertWellFormed(Fountain.Parse(sb.ToString()));
        }
    }

    [Fact]
    public void Ten_megabytes_of_garbage_parse_in_one_pass()
    {
        var random = new Random(5);
        var chars = new char[10 * 1024 * 1024];
        const string alphabet = "aZ \n\n*_[]/#=@!~>.^(";
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        AssertWellFormed(Fountain.Parse(new string(chars)));
    }

    [Fact]
    public void A_one_megabyte_line_of_openers_parses_in_linear_time()
    {
        // Every "[[" and "/*" here is unclosed: a scanner that searched from each one to the end would never finish.
        var line = string.Concat(Enumerable.Repeat("[[/*a*", 1024 * 1024 / 6));
        var doc = Fountain.Parse(line + "\n\nBOB\nHi\n");
        Assert.Equal(ElementType.Action, doc.Elements[0].Type);
        Assert.Equal(line, doc.Elements[0].Text);
        Assert.Equal(ElementType.Character, doc.Elements[1].Type);
    }

    [Fact]
    public void Unclosed_boneyard_and_note_keep_their_text()
    {
        var doc = Fountain.Parse("Before /* never closed\n\nAnd [[ never closed\n");
        Assert.Equal(["Before /* never closed", "And [[ never closed"], doc.Elements.Select(e => e.Text));
        Assert.Empty(doc.Notes);
    }

    private static void AssertWellFormed(Document doc)
    {
        int previousStart = -1;
        foreach (var e in doc.Elements)
        {
            Assert.InRange(e.Span.Start, 0, doc.Source.Length);
            Assert.InRange(e.Span.End, e.Span.Start, doc.Source.Length);
            Assert.True(e.Span.Start > previousStart, "elements are in source order");
            Assert.True(e.Span.Line >= 1);
            previousStart = e.Span.Start;
        }

        foreach (var s in doc.Scenes)
        {
            Assert.Equal(ElementType.SceneHeading, doc.Elements[s.FirstElement].Type);
            Assert.InRange(s.FirstElement + s.ElementCount, s.FirstElement + 1, doc.Elements.Length);
        }
    }
}
