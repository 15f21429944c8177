using System.Text;

namespace Screenplay.Fountain.Tests.Writing;

/// <summary>
/// Scripts the round-trip properties run over: every spec case, the benchmark feature, and generated scripts that
/// mix every element kind with the lines most likely to be misread (lower-case cues, all-caps action, headings
/// without INT/EXT, markers at line starts, emphasis and escapes, non-Latin text, notes, boneyard).
/// </summary>
internal static class ScriptCorpus
{
    private static readonly string SpecDirectory = Path.Combine(AppContext.BaseDirectory, "Parsing", "Spec");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SpecDirectory, "*.fountain").Order(StringComparer.Ordinal))
        {
            data.Add("spec:" + Path.GetFileNameWithoutExtension(file));
        }

        data.Add("feature");
        for (var seed = 0; seed < 200; seed++)
        {
            data.Add("generated:" + seed);
        }

        return data;
    }

    public static string Text(string name)
    {
        if (name.StartsWith("spec:", StringComparison.Ordinal))
        {
            return File.ReadAllText(Path.Combine(SpecDirectory, name["spec:".Length..] + ".fountain"));
        }

        if (name == "feature")
        {
            return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", "feature.fountain"));
        }

        return Generate(int.Parse(name["generated:".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly string[] Words =
    [
        "rain", "the", "DOOR", "*slowly*", "**now**", "_under_", "***all***", "a\\*b", "snake_case", "5*3", "Мария",
        "東京", "café", "—", "(aside)", "TO:", "[[a note]]", "ok", "INT.", "#2", "^", "~", "<", ">",
    ];

    private static readonly Func<Random, string>[] Paragraphs =
    [
        r => Pick(r, ["INT. HOUSE - DAY", "EXT. ROOF - NIGHT #12A#", "int./ext. car - moving", "I/E TRAIN", "EST. CITY"]),
        r => "." + Pick(r, ["THE VOID", "flashback", "Мост"]) + (r.Next(3) == 0 ? " #4#" : ""),
        r => Sentence(r) + (r.Next(3) == 0 ? "\n" + Sentence(r) : ""),
        r => "\t" + Sentence(r) + "\n    " + Sentence(r),
        r => "!" + Pick(r, ["BANG! THE DOOR", "INT. NOT A HEADING", "CUT TO:", "LOUD NOISES"]),
        r => Pick(r, ["THE DOOR OPENS.", "BOOM.", "A SHOT RINGS OUT"]),
        r => Cue(r) + "\n" + Speech(r),
        r => Cue(r) + "\n" + Speech(r) + "\n\n" + Cue(r) + " ^\n" + Speech(r),
        r => Pick(r, ["CUT TO:", "SMASH CUT TO:", "> FADE OUT.", ">Fade to black"]),
        r => "> " + Sentence(r) + " <",
        r => "~" + Sentence(r) + "\n~" + Sentence(r),
        r => "===",
        r => new string('#', r.Next(1, 7)) + " " + Sentence(r),
        r => "= " + Sentence(r),
        r => "[[" + Sentence(r) + "]]",
        r => Sentence(r) + " [[inline note]] " + Sentence(r),
        r => Sentence(r) + "\n" + Pick(r, ["~not lyrics", "= not a synopsis", "# not a section", "> not centered <", ".NOT A HEADING", "@NOT A CUE", "!still action", "===", "CUT TO:"]),
        r => "!" + Pick(r, ["~", "=", "#", ">", "@", "."]) + Sentence(r),
    ];

    /// <summary>Boneyard paragraphs and lines, mixed in with a random of their own so the paragraphs above stay as they were.</summary>
    private static readonly Func<Random, string>[] Boneyard =
    [
        r => "/* " + Sentence(r) + (r.Next(2) == 0 ? "\n\n" + Cue(r) + "\n" + Speech(r) : "") + " */",
        r => Sentence(r) + " /* cut words */ " + Sentence(r),
    ];

    private static string Generate(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        if (random.Next(2) == 0)
        {
            text.Append("Title: ").Append(Sentence(random)).Append('\n');
            text.Append("Credit: Written by\nAuthor: ").Append(Pick(random, ["Ada Byron", "Jo March"])).Append('\n');
            text.Append("Draft date: 1/2/2026\nContact:\n    1 Main St\n    555 0100\nRevision: Blue\n\n");
        }

        var count = random.Next(1, 25);
        var cuts = new Random(seed + 1_000_000);
        for (var i = 0; i < count; i++)
        {
            text.Append(Paragraphs[random.Next(Paragraphs.Length)](random)).Append("\n\n");
            if (cuts.Next(8) == 0)
            {
                text.Append(Boneyard[cuts.Next(Boneyard.Length)](cuts)).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string Cue(Random r) =>
        Pick(r, ["BRICK", "STEEL (V.O.)", "MAN #2", "@McCLANE", "@Мария", "O'BRIEN (cont'd)", "HAL 9000", "@DR: NO"]);

    private static string Speech(Random r)
    {
        var lines = new List<string>();
        if (r.Next(3) == 0)
        {
            lines.Add("(" + Sentence(r) + ")");
        }

        lines.Add(Sentence(r));
        if (r.Next(3) == 0)
        {
            lines.Add("  ");
            lines.Add(Sentence(r));
        }

        if (r.Next(4) == 0)
        {
            lines.Add("(beat)");
            lines.Add(Sentence(r));
        }

        return string.Join('\n', lines);
    }

    private static string Sentence(Random r)
    {
        var words = Enumerable.Range(0, r.Next(1, 9)).Select(_ => Words[r.Next(Words.Length)]);
        var sentence = string.Join(' ', words);
        return char.IsLetter(sentence[0]) ? char.ToUpperInvariant(sentence[0]) + sentence[1..] + "." : "Then " + sentence + ".";
    }

    private static string Pick(Random r, string[] options) => options[r.Next(options.Length)];
}
