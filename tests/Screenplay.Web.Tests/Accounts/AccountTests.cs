using System.Net;

namespace Screenplay.Web.Tests.Accounts;

public sealed class AccountTests(ScreenplayApp app) : IClassFixture<ScreenplayApp>
{
    [Fact]
    public async Task A_registered_user_can_log_out_and_log_back_in()
    {
        var user = await app.CreateUserAsync("Ada Writer");
        var home = await user.Client.GetHtmlAsync("/account/password");
        Assert.Contains("Ada Writer", home.QuerySelector("header")!.TextContent);

        using var logout = await user.LogoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var afterLogout = await user.Client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
        Assert.Equal("/account/login", afterLogout.Headers.Location!.AbsolutePath);

        using var login = await user.LoginAsync();
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var afterLogin = await user.Client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, afterLogin.StatusCode);
    }

    [Fact]
    public async Task Registering_an_email_twice_or_a_short_password_is_refused_with_a_message()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateClient();

        using var twice = await client.SubmitFormAsync("/account/register", "#register", new()
        {
            ["Input.DisplayName"] = "Copycat", ["Input.Email"] = user.Email,
            ["Input.Password"] = "long enough password", ["Input.ConfirmPassword"] = "long enough password",
        });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("is already taken", await twice.Content.ReadAsStringAsync());

        using var shortPassword = await client.SubmitFormAsync("/account/register", "#register", new()
        {
            ["Input.DisplayName"] = "Shorty", ["Input.Email"] = "shorty@example.test",
            ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("at least 8 characters", await shortPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.CreateUserAsync();
        await user.LogoutAsync();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await user.LoginAsync("not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await user.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        using var page = await user.Client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task A_changed_password_replaces_the_old_one()
    {
        var user = await app.CreateUserAsync();
        using var change = await user.Client.SubmitFormAsync("/account/password", "#change-password", new()
        {
            ["Input.OldPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Contains("has been changed", await change.Content.ReadAsStringAsync());

        await user.LogoutAsync();
        using var old = await user.LoginAsync();
        Assert.Contains("Invalid email or password", await old.Content.ReadAsStringAsync());
        using var renewed = await user.LoginAsync("a brand new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_rejected()
    {
        var user = await app.CreateUserAsync();
        using var forged = await user.Client.PostWithoutTokenAsync("/scripts", new() { ["title"] = "Forged" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var forgedLogin = await app.CreateClient().PostWithoutTokenAsync("/account/login", new()
        {
            ["_handler"] = "login", ["Input.Email"] = user.Email, ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, forgedLogin.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(db.Scripts, s => s.Title == "Forged");
    }

    [Fact]
    public async Task Healthz_reports_a_reachable_database()
    {
        using var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
