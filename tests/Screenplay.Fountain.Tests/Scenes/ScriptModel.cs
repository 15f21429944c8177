using System.Text;
using Screenplay.Fountain.Text;

namespace Screenplay.Fountain.Tests.Scenes;

/// <summary>A scene of the model: who it is (<see cref="Truth"/>), its heading, optional number and action paragraphs.</summary>
internal sealed record ModelScene(int Truth, string Heading, string? Number, List<string> Paragraphs)
{
    public string HeadingLine => Number is null ? Heading : $"{Heading} #{Number}#";

    public string Render() => HeadingLine + "\n\n" + string.Concat(Paragraphs.Select(p => p + "\n\n"));

    public ModelScene Copy(int truth) => this with { Truth = truth, Paragraphs = [.. Paragraphs] };
}

/// <summary>One random edit: the text changes (old coordinates), what it did, and which truths vanished or came back.</summary>
internal sealed record ModelEdit(List<TextChange> Changes, string Description, List<int> Vanished, List<int> Revived);

/// <summary>A screenplay as a list of scenes with known identities, and edits on it that a writer would make.</summary>
internal sealed class ScriptModel
{
    private const string Opening = "FADE IN:\n\n";
    private static readonly string[] Places = ["KITCHEN", "HARBOUR", "ROOFTOP", "TRAIN", "OFFICE", "CHAPEL", "GARAGE", "FOREST", "MARKET", "STUDIO"];
    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 300).Select(Word)];

    private readonly List<ModelScene> _clipboard = [];
    private int _nextTruth;

    public List<ModelScene> Scenes { get; } = [];

    public static ScriptModel Random(Random random, int scenes)
    {
        var model = new ScriptModel();
        for (var i = 0; i < scenes; i++) model.Scenes.Add(model.NewScene(random));
        return model;
    }

    public string Render() => Opening + string.Concat(Scenes.Select(s => s.Render()));

    public ModelEdit RandomEdit(Random random)
    {
        var roll = random.Next(100);
        if (Scenes.Count == 0 || roll < 12) return InsertScene(random);
        if (roll < 35) return TypeInside(random);
        if (roll < 45) return DeleteWord(random);
        if (roll < 55) return RewriteHeading(random);
        if (roll < 65) return DeleteScene(random);
        if (roll < 77) return MoveScene(random);
        if (roll < 85 && _clipboard.Count > 0) return PasteCut(random);
        if (roll < 90) return Renumber(random);
        if (roll < 94) return SplitScene(random);
        if (roll < 97) return DeleteParagraph(random);
        return CopyScene(random);
    }

    private ModelScene NewScene(Random random) =>
        new(_nextTruth++, NewHeading(random), null,
            [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sentence(random))]);

    private static string NewHeading(Random random) =>
        $"{(random.Next(2) == 0 ? "INT." : "EXT.")} {Places[random.Next(Places.Length)]} {Word(random.Next(1000))} - {(random.Next(2) == 0 ? "DAY" : "NIGHT")}".ToUpperInvariant();

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(6, 14)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    // Lower-case invented words, so action never reads as a cue, a heading or a transition.
    private static string Word(int n)
    {
        const string consonants = "bcdfglmnprstvz";
        const string vowels = "aeiou";
        var sb = new StringBuilder();
        do
        {
            sb.Append(consonants[n % consonants.Length]).Append(vowels[(n / consonants.Length) % vowels.Length]);
            n /= consonants.Length * vowels.Length;
        }
        while (n > 0);
        return sb.ToString();
    }

    private int Start(int index) => Opening.Length + Scenes.Take(index).Sum(s => s.Render().Length);

    private ModelEdit Simple(TextChange change, string description) => new([change], description, [], []);

    private ModelEdit InsertScene(Random random)
    {
        var at = random.Next(Scenes.Count + 1);
        var scene = NewScene(random);
        var offset = Start(at);
        Scenes.Insert(at, scene);
        return Simple(new TextChange(offset, 0, scene.Render()), $"insert a new scene at {at}");
    }

    private ModelEdit CopyScene(Random random)
    {
        var from = random.Next(Scenes.Count);
        // A copy of a scene whose twin was cut earlier could as well be that twin pasted back: no one could tell.
        if (_clipboard.Any(c => c.Render() == Scenes[from].Render())) return TypeInside(random);
        var at = random.Next(Scenes.Count + 1);
        var copy = Scenes[from].Copy(_nextTruth++);
        var offset = Start(at);
        Scenes.Insert(at, copy);
        return Simple(new TextChange(offset, 0, copy.Render()), $"copy scene {from} to {at}");
    }

    private ModelEdit TypeInside(Random random)
    {
        var s = random.Next(Scenes.Count);
        var scene = Scenes[s];
        var p = random.Next(scene.Paragraphs.Count);
        var words = scene.Paragraphs[p].Split(' ').ToList();
        var w = random.Next(words.Count); // before a word: the typed words and a space
        var inserted = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        var offset = ParagraphStart(s, p) + words.Take(w).Sum(x => x.Length + 1);
        words.Insert(w, inserted);
        scene.Paragraphs[p] = string.Join(' ', words);
        return Simple(new TextChange(offset, 0, inserted + " "), $"type in scene {s}");
    }

    private ModelEdit DeleteWord(Random random)
    {
        var s = random.Next(Scenes.Count);
        var scene = Scenes[s];
        var p = random.Next(scene.Paragraphs.Count);
        var words = scene.Paragraphs[p].Split(' ').ToList();
        if (words.Count < 2) return TypeInside(random);
        var w = random.Next(words.Count - 1);
        var offset = ParagraphStart(s, p) + words.Take(w).Sum(x => x.Length + 1);
        var removed = words[w].Length + 1;
        words.RemoveAt(w);
        scene.Paragraphs[p] = string.Join(' ', words);
        return Simple(new TextChange(offset, removed, ""), $"delete a word in scene {s}");
    }

    private int ParagraphStart(int s, int p)
    {
        var scene = Scenes[s];
        return Start(s) + scene.HeadingLine.Length + 2 + scene.Paragraphs.Take(p).Sum(x => x.Length + 2);
    }

    // A heading typed before a paragraph: the scene keeps its id, the part after the new heading is a new scene.
    private ModelEdit SplitScene(Random random)
    {
        var s = random.Next(Scenes.Count);
        var scene = Scenes[s];
        if (scene.Paragraphs.Count < 2) return TypeInside(random);
        var p = random.Next(1, scene.Paragraphs.Count);
        var offset = ParagraphStart(s, p);
        var split = new ModelScene(_nextTruth++, NewHeading(random), null, scene.Paragraphs[p..]);
        scene.Paragraphs.RemoveRange(p, scene.Paragraphs.Count - p);
        Scenes.Insert(s + 1, split);
        return Simple(new TextChange(offset, 0, split.HeadingLine + "\n\n"), $"split scene {s} before paragraph {p}");
    }

    private ModelEdit DeleteParagraph(Random random)
    {
        var s = random.Next(Scenes.Count);
        var scene = Scenes[s];
        if (scene.Paragraphs.Count < 2) return TypeInside(random);
        var p = random.Next(scene.Paragraphs.Count);
        var change = new TextChange(ParagraphStart(s, p), scene.Paragraphs[p].Length + 2, "");
        scene.Paragraphs.RemoveAt(p);
        return Simple(change, $"delete paragraph {p} of scene {s}");
    }

    private ModelEdit RewriteHeading(Random random)
    {
        var s = random.Next(Scenes.Count);
        var old = Scenes[s].HeadingLine;
        Scenes[s] = Scenes[s] with { Heading = NewHeading(random) };
        return Simple(new TextChange(Start(s), old.Length, Scenes[s].HeadingLine), $"rewrite heading of scene {s}");
    }

    private ModelEdit Renumber(Random random)
    {
        var changes = new List<TextChange>();
        var offset = Opening.Length;
        for (var i = 0; i < Scenes.Count; i++)
        {
            var old = Scenes[i];
            Scenes[i] = old with { Number = random.Next(4) == 0 ? null : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            changes.Add(new TextChange(offset, old.HeadingLine.Length, Scenes[i].HeadingLine));
            offset += old.Render().Length;
        }

        return new(changes, "renumber", [], []);
    }

    private ModelEdit DeleteScene(Random random)
    {
        var s = random.Next(Scenes.Count);
        var scene = Scenes[s];
        var change = new TextChange(Start(s), scene.Render().Length, "");
        Scenes.RemoveAt(s);
        _clipboard.Add(scene);
        return new([change], $"cut scene {s}", [scene.Truth], []);
    }

    private ModelEdit PasteCut(Random random)
    {
        var c = random.Next(_clipboard.Count);
        var scene = _clipboard[c];
        _clipboard.RemoveAt(c);
        // Pasting back a scene that has an identical twin in the text could as well be a copy of the twin: no one could tell.
        // So could pasting one of two identical scenes that were both cut.
        if (Scenes.Any(s => s.Render() == scene.Render()) || _clipboard.Any(s => s.Render() == scene.Render()))
        {
            _clipboard.Insert(c, scene);
            return TypeInside(random);
        }

        var at = random.Next(Scenes.Count + 1);
        var offset = Start(at);
        Scenes.Insert(at, scene);
        return new([new TextChange(offset, 0, scene.Render())], $"paste cut scene at {at}", [], [scene.Truth]);
    }

    private ModelEdit MoveScene(Random random)
    {
        if (Scenes.Count < 2) return InsertScene(random);
        var s = random.Next(Scenes.Count);
        var text = Scenes[s].Render();
        var from = Start(s);
        // A boundary other than the scene's own two edges (moving there would change nothing).
        var to = random.Next(Scenes.Count - 1);
        if (to >= s) to += 2;
        var offset = Start(to);
        var scene = Scenes[s];
        Scenes.RemoveAt(s);
        Scenes.Insert(to > s ? to - 1 : to, scene);
        List<TextChange> changes = from < offset
            ? [new TextChange(from, text.Length, ""), new TextChange(offset, 0, text)]
            : [new TextChange(offset, 0, text), new TextChange(from, text.Length, "")];
        return new(changes, $"move scene {s} to boundary {to}", [], []);
    }
}
