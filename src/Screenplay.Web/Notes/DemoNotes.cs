using Screenplay.Web.Collaboration;

namespace Screenplay.Web.Notes;

/// <summary>
/// The director's notes on the demo script (THE LAST SETUP), written through <see cref="ScriptNotes"/> like any note:
/// one with a writer's reply, one resolved, one pinned to a line, one mentioning the writer.
/// </summary>
internal static class DemoNotes
{
    public static async Task AddAsync(IServiceProvider services, Guid scriptId, string writerId, string directorId)
    {
        var notes = services.GetRequiredService<ScriptNotes>();
        var scenes = await notes.ListScenesAsync(scriptId, directorId)
            ?? throw new InvalidOperationException("The demo director cannot read the demo script.");
        Guid Scene(string heading) => scenes.First(s => s.Heading.StartsWith(heading, StringComparison.Ordinal)).Id;

        var sign = Must(await notes.CreateAsync(scriptId, directorId, Scene("EXT. HARLOW STUDIOS - BACKLOT - DAWN"),
            "Love the sign. Can we **hold on Nora** a beat longer before she drives on? I want the audience to read that date twice."));
        Must(await notes.ReplyAsync(scriptId, writerId, sign,
            "Added a beat in my head: she kills the engine first, and we hear the lot. Try it on the page next draft?"));

        var snapshot = await services.GetRequiredService<ScriptSessions>().UseAsync(scriptId, s => Task.FromResult(s.GetSnapshot()));
        const string line = "Good news or the real news?";
        var at = snapshot.Text.IndexOf(line, StringComparison.Ordinal);
        Must(await notes.CreateAsync(scriptId, directorId, Scene("INT. STAGE 4 - DAY"),
            "This line is Teddy's whole character. Keep it, whatever else we cut from this scene.",
            at < 0 ? null : new PassageInput(at, at + line.Length, snapshot.Version)));

        Must(await notes.CreateAsync(scriptId, directorId, Scene("INT. MAKEUP TRAILER"),
            "@Demo Writer the ticket line lands harder if Lena gets it *wrong* twice before she finds it. Worth a pass?"));

        var kessler = Must(await notes.CreateAsync(scriptId, directorId, Scene("EXT. HARLOW STUDIOS - EXECUTIVE ROW"),
            "Kessler needs one human moment or he is a cartoon. A photo on the desk, a kid's drawing, something."));
        Must(await notes.ReplyAsync(scriptId, writerId, kessler, "He gets the glasses beat now: he looks at her over them before he answers."));
        Must(await notes.ResolveAsync(scriptId, writerId, kessler));

        Must(await notes.CreateAsync(scriptId, directorId, Scene("INT. STAGE 4 - THE PLATFORM SET"),
            "The steam machine gag: three times, no more. By the third it should fail on the one take that matters."));
    }

    private static Guid Must(NoteResult result) =>
        result.Done ? result.NoteId!.Value : throw new InvalidOperationException($"A demo note could not be written: {result.Outcome} {result.Error}");
}
