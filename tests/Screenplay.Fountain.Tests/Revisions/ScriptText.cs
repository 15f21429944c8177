namespace Screenplay.Fountain.Tests.Revisions;

/// <summary>Small screenplays made of numbered scenes, for compare and numbering tests.</summary>
internal static class ScriptText
{
    public static string Scene(string place, string action, string? number = null) =>
        $"INT. {place} - DAY{(number is null ? "" : $" #{number}#")}\n\n{action}\n\n";

    public static string Of(params string[] scenes) => "Title: Test\n\n" + string.Concat(scenes);

    private static readonly string[] Vocabulary =
        ("anchor basket candle doorway engine feather garden harbor island jacket kettle ladder marble needle orchard " +
         "pillow quarry ribbon saddle tunnel umbrella velvet wagon yellow zipper bridge cellar dragon forest goblet " +
         "hammer lantern mirror nickel oyster pepper rocket silver timber violin walnut meadow canyon glacier prairie " +
         "thunder whisper shadow sparrow falcon copper granite marshal bishop cobbler sailor painter farmer tailor").Split(' ');

    /// <summary>A distinct scene per name (its own words, drawn with the name as seed), long enough that edits leave it recognisable.</summary>
    public static string Standard(string name)
    {
        var random = new Random(StringComparer.Ordinal.GetHashCode(name) & 0x7fffffff ^ name.Length * 7919 ^ name.Sum(c => c * 31));
        var words = Enumerable.Range(0, 24).Select(_ => Vocabulary[random.Next(Vocabulary.Length)] + name);
        return Scene(name.ToUpperInvariant() + " ROOM", $"The {name} room is quiet. A clock ticks, {string.Join(' ', words)}.");
    }
}
