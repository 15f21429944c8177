using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Screenplay.Web.Data;

namespace Screenplay.Web.Scripts;

/// <summary>Demo accounts (configuration section <c>Demo</c>): a writer who owns the demo script and a director who comments on it.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo accounts and script at start when the writer's account does not exist yet.</summary>
    public bool Seed { get; set; } = true;
    public string Email { get; set; } = "demo@screenplay.local";
    public string DirectorEmail { get; set; } = "director@screenplay.local";
    public string Password { get; set; } = "screenplay-demo";
}

internal static class DemoSeeder
{
    public const string ResourceName = "Screenplay.Web.Demo.demo.fountain";

    public static async Task SeedDemoAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Seed) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(options.Email) is not null) return;

        var writer = await CreateUserAsync(users, options.Email, "Demo Writer", options.Password);
        var director = await users.FindByEmailAsync(options.DirectorEmail)
            ?? await CreateUserAsync(users, options.DirectorEmail, "Demo Director", options.Password);

        var text = ScriptText.Normalize(DemoText());
        var db = scope.ServiceProvider.GetRequiredService<ScreenplayDbContext>();
        var script = NewScript.Add(db, writer.Id, ScriptLayout.TitleOf(text) ?? "The Last Setup", text, "demo");
        script.Members.Add(new ScriptMember { UserId = director.Id, Role = ScriptRole.Commenter, AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await Notes.DemoNotes.AddAsync(scope.ServiceProvider, script.Id, writer.Id, director.Id);

        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder).FullName!)
            .LogInformation("Seeded the demo: log in as {Email} (or {Director}) with password {Password}", options.Email, options.DirectorEmail, options.Password);
    }

    public static string DemoText()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, string password)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        return user;
    }
}
