namespace Screenplay.Web.Notes;

/// <summary>Director notes: threads on scenes whose ids the live session keeps (docs/notes.md).</summary>
internal static class NotesSetup
{
    public static WebApplicationBuilder AddNotes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NoteEventRelay>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NoteEventRelay>());
        builder.Services.AddSingleton<NoteEvents>();
        builder.Services.AddSingleton<ScriptNotes>();
        return builder;
    }
}
