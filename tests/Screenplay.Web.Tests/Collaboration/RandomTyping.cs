using Screenplay.Fountain.Text;
using Screenplay.LoadTest;

namespace Screenplay.Web.Tests.Collaboration;

/// <summary>Random screenplay-ish edits for the convergence tests: typing, new lines, deletions, replacements.</summary>
internal static class RandomTyping
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz  .,'ÉTé\n";

    public static ChangeSet Next(Random random, string text)
    {
        int length = text.Length;
        int at = random.Next(length + 1);
        int roll = random.Next(10);
        if (roll < 6 || length == 0)
        {
            var insert = new string(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            return ChangeSet.Of(at, at, insert, length);
        }
        int to = Math.Min(length, at + random.Next(1, 6));
        return ChangeSet.Of(at, to, roll < 9 ? "" : "INT. ", length);
    }

    /// <summary>Types random edits into <paramref name="editor"/> for <paramref name="duration"/>, with random pauses and, when asked, dropped connections.</summary>
    public static async Task TypeAsync(SimulatedEditor editor, int seed, TimeSpan duration, bool disconnects)
    {
        var random = new Random(seed);
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            editor.Edit(text => Next(random, text));
            await Task.Delay(random.Next(0, 40));
            if (disconnects && random.Next(60) == 0)
            {
                await editor.DisconnectAsync();
                // Offline typing: kept locally, sent after reconnecting.
                for (int i = random.Next(1, 8); i > 0; i--) editor.Edit(text => Next(random, text));
                await Task.Delay(random.Next(50, 400));
                await editor.OpenAsync();
            }
        }
    }
}
