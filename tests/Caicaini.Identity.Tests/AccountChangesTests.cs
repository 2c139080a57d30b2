using System.Net;
using Caicaini.Testing;

namespace Caicaini.Identity.Tests;

public sealed class AccountChangesFactory : CaicainiAppFactory
{
    // Other sessions notice a password change on their very next request.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Identity:SecurityStampValidationInterval", "00:00:00")];
}

public sealed class AccountChangesTests(AccountChangesFactory app) : IClassFixture<AccountChangesFactory>
{
    [Fact]
    public async Task Changing_the_username_checks_it_is_free()
    {
        var (_, taken) = await Accounts.RegisterAsync(app.CreateClient());
        var (browser, _, username) = await SignedInAsync();

        var clash = await browser.SubmitAndReadAsync("/account", new Dictionary<string, string> { ["Username.NewUsername"] = taken.ToUpperInvariant() }, "/account?handler=ChangeUsername");
        Assert.Contains("This username is taken", clash);

        var renamed = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Username.NewUsername"] = "new" + username }, "/account?handler=ChangeUsername");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var page = await browser.GetAsync("/account");
        Assert.Contains($"data-testid=\"username\">new{username}<", page);
        Assert.Contains(">new" + username + "</a>", page); // the account menu shows the new name at once
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_only()
    {
        var (laptop, email, _) = await SignedInAsync();
        var phone = app.CreateFormClient();
        await SignInAsync(phone, email, Accounts.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/account")).StatusCode);

        var wrongCurrent = await laptop.SubmitAndReadAsync("/account", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "not my password", ["Password.NewPassword"] = "a fresh long passphrase",
        }, "/account?handler=ChangePassword");
        Assert.Contains("Your current password is not right", wrongCurrent);

        var changed = await laptop.SubmitAsync("/account", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = Accounts.GoodPassword, ["Password.NewPassword"] = "a fresh long passphrase",
        }, "/account?handler=ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/account")).StatusCode);
        var phoneAfter = await phone.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.StartsWith("/account/sign-in", phoneAfter.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_email_change_applies_only_from_the_link_sent_to_the_new_address_and_the_old_one_is_told()
    {
        var (browser, oldEmail, _) = await SignedInAsync();
        var newEmail = "moved-" + oldEmail;

        var requested = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Email.NewEmail"] = newEmail }, "/account?handler=ChangeEmail");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Contains($"data-testid=\"email\">{oldEmail}<", await browser.GetAsync("/account")); // not yet

        var link = new Uri(app.Mailbox.LinkIn(newEmail));
        var confirmPage = await browser.GetAsync(link.PathAndQuery);
        Assert.Contains("Yes, change my email address", confirmPage);
        Assert.Contains($"data-testid=\"email\">{oldEmail}<", await browser.GetAsync("/account")); // opening is not confirming

        var confirmed = await browser.SubmitAndReadAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Contains("Your email address is now", confirmed);
        Assert.Contains("was changed", app.Mailbox.MessagesTo(oldEmail).Last().Subject);

        var reused = await browser.SubmitAndReadAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Contains("expired or was already used", reused);

        // Signing in works with the new address.
        var token = await Accounts.TokenAsync(app.CreateClient(), newEmail);
        Assert.StartsWith("cai_", token);
    }

    [Fact]
    public async Task An_email_already_used_by_another_account_is_refused()
    {
        var (otherEmail, _) = await Accounts.RegisterAsync(app.CreateClient());
        var (browser, _, _) = await SignedInAsync();

        var html = await browser.SubmitAndReadAsync("/account", new Dictionary<string, string> { ["Email.NewEmail"] = otherEmail }, "/account?handler=ChangeEmail");

        Assert.Contains("Another account uses this email address", html);
        Assert.Empty(app.Mailbox.MessagesTo(otherEmail));
    }

    private async Task<(FormClient Browser, string Email, string Username)> SignedInAsync()
    {
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        var browser = app.CreateFormClient();
        await SignInAsync(browser, email, Accounts.GoodPassword);
        return (browser, email, username);
    }

    private static async Task SignInAsync(FormClient browser, string login, string password)
    {
        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
