using System.Net;
using Caicaini.Testing;

namespace Caicaini.Identity.Tests;

public sealed class AccountPagesTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Sign_up_signs_in_then_sign_out_and_sign_in_again()
    {
        var browser = app.CreateFormClient();
        var (email, username) = Accounts.NewIdentity();

        var signUp = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Username"] = username, ["Input.Password"] = Accounts.GoodPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.Contains(username, await browser.GetAsync("/account"));

        var signOut = await browser.SubmitAsync("/account", new Dictionary<string, string>(), "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterSignOut = await browser.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/account/sign-in", afterSignOut.Headers.Location!.PathAndQuery);

        var signIn = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Login"] = email, ["Input.Password"] = Accounts.GoodPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(email, await browser.GetAsync("/account"));
    }

    [Fact]
    public async Task Sign_up_form_errors_show_in_place_and_keep_what_was_typed()
    {
        var browser = app.CreateFormClient();
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());

        var html = await browser.SubmitAndReadAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Username"] = "fresh" + username, ["Input.Password"] = Accounts.GoodPassword,
        });
        Assert.Contains("An account with this email address already exists", html);
        Assert.Contains($"value=\"fresh{username}\"", html);

        var weak = await browser.SubmitAndReadAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = "new" + email, ["Input.Username"] = "new" + username, ["Input.Password"] = "password123",
        });
        Assert.Contains("one of the most common", weak);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_show_the_same_message()
    {
        var browser = app.CreateFormClient();
        var (email, _) = await Accounts.RegisterAsync(app.CreateClient());

        var wrong = await browser.SubmitAndReadAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = email, ["Input.Password"] = "wrong wrong wrong" });
        var unknown = await browser.SubmitAndReadAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = "x" + email, ["Input.Password"] = "wrong wrong wrong" });

        const string generic = "The email address or username and password do not match.";
        Assert.Contains(generic, wrong);
        Assert.Contains(generic, unknown);
    }

    [Fact]
    public async Task Forgot_password_works_once_by_the_emailed_link_and_looks_the_same_for_unknown_addresses()
    {
        var browser = app.CreateFormClient();
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        var unknownEmail = "nobody-" + email;

        var known = await browser.SubmitAndReadAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var unknown = await browser.SubmitAndReadAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = unknownEmail });
        Assert.Equal(Confirmation(known, email), Confirmation(unknown, unknownEmail));
        Assert.Empty(app.Mailbox.MessagesTo(unknownEmail));

        var link = new Uri(app.Mailbox.LinkIn(email));
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        const string newPassword = "a brand new passphrase";

        var reset = await browser.SubmitAndReadAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = newPassword });
        Assert.Contains("Your password has been changed", reset);

        var again = await browser.SubmitAndReadAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = "yet another passphrase" });
        Assert.Contains("expired or was already used", again);

        // The new password works, the old one and the second attempt's do not.
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await Accounts.IssueTokenAsync(client, username, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Accounts.IssueTokenAsync(client, username, "yet another passphrase")).StatusCode);
    }

    [Fact]
    public async Task Repeated_reset_requests_for_one_account_send_one_email_a_minute()
    {
        var (email, _) = await Accounts.RegisterAsync(app.CreateClient());

        for (var i = 0; i < 3; i++)
        {
            var html = await app.CreateFormClient().SubmitAndReadAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            Assert.Contains("we have sent it a link", html);
        }

        Assert.Single(app.Mailbox.MessagesTo(email));
    }

    [Fact]
    public async Task An_altered_reset_link_changes_nothing()
    {
        var browser = app.CreateFormClient();
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = new Uri(app.Mailbox.LinkIn(email));
        var tampered = link.PathAndQuery.Replace("token=", "token=x");

        var html = await browser.SubmitAndReadAsync(tampered, new Dictionary<string, string> { ["NewPassword"] = "a brand new passphrase" });

        Assert.Contains("expired or was already used", html);
        Assert.Equal(HttpStatusCode.Created, (await Accounts.IssueTokenAsync(app.CreateClient(), username, Accounts.GoodPassword)).StatusCode);
    }

    [Fact]
    public async Task Every_account_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var browser = app.CreateFormClient();
        foreach (var page in new[] { "/account/register", "/account/sign-in", "/account/forgot-password", "/account/sign-out" })
            Assert.Contains("__RequestVerificationToken", await browser.GetAsync(page));

        var forged = await browser.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "someone", ["Input.Password"] = "something long",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    // The confirmation with the typed address taken out: it must not depend on whether the account exists.
    private static string Confirmation(string html, string email)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return html[start..end].Replace(email, "EMAIL");
    }
}
