using Microsoft.Extensions.DependencyInjection;
using Screenplay.Web.Data;
using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// The app for notes tests, with one person per role on a shared script (made once per test class): an owner, a
/// writer, a commenter (the director), a reader and a stranger.
/// </summary>
public sealed class NotesApp : IAsyncLifetime
{
    public const string Text = """
        Title: Notes

        INT. KITCHEN - NIGHT

        Mara stands at the sink, staring at a cracked window.

        MARA
        Somebody threw a stone.

        EXT. GARDEN - NIGHT

        A boy runs between the rose bushes.

        INT. KITCHEN - LATER

        The window is boarded up.

        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private Cast? cast;

    public ScreenplayApp App { get; } = new();

    internal ScriptNotes Notes => App.Services.GetRequiredService<ScriptNotes>();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>The shared script and its people, made on first use.</summary>
    public async Task<Cast> CastAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (cast is not null) return cast;
            var owner = await App.CreateUserAsync("Olive Owner");
            var writer = await App.CreateUserAsync("Walt Writer");
            var commenter = await App.CreateUserAsync("Dana Director");
            var reader = await App.CreateUserAsync("Rita Reader");
            var stranger = await App.CreateUserAsync("Stan Stranger");
            var scriptId = await owner.CreateScriptAsync("Notes", Text.ReplaceLineEndings("\n"));
            await owner.ShareAsync(scriptId, writer, ScriptRole.Writer);
            await owner.ShareAsync(scriptId, commenter, ScriptRole.Commenter);
            await owner.ShareAsync(scriptId, reader, ScriptRole.Reader);
            var scenes = await Notes.ListScenesAsync(scriptId, owner.Id) ?? throw new InvalidOperationException("The owner cannot list scenes.");
            return cast = new Cast(scriptId, [.. scenes.Select(s => s.Id)], owner, writer, commenter, reader, stranger);
        }
        finally
        {
            gate.Release();
        }
    }
}

public sealed record Cast(Guid ScriptId, IReadOnlyList<Guid> Scenes, TestUser Owner, TestUser Writer, TestUser Commenter, TestUser Reader, TestUser Stranger)
{
    public TestUser As(string role) => role switch
    {
        "owner" => Owner,
        "writer" => Writer,
        "commenter" => Commenter,
        "reader" => Reader,
        "stranger" => Stranger,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
