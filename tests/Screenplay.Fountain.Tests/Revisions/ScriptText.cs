namespace Screenplay.Fountain.Tests.Revisions;

/// <summary>Small screenplays made of numbered scenes, for compare and numbering tests.</summary>
internal static class ScriptText
{
    public static string Scene(string place, string action, string? number = null) =>
        $"INT. {place} - DAY{(number is null ? "" : $" #{number}#")}\n\n{action}\n\n";

    public static string Of(params string[] scenes) => "Title: Test\n\n" + string.Concat(scenes);

    /// <summary>A distinct scene per name, with enough words that edits leave it recognisable.</summary>
    public static string Standard(string name) =>
        Scene(name.ToUpperInvariant() + " ROOM",
            $"The {name} room is quiet. A clock ticks above the door while {name} waits for news that never arrives. Dust settles on the {name} table.");
}
