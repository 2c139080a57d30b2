using System.Net;
using System.Text.RegularExpressions;
using Caicaini.Testing;

namespace Caicaini.Identity.Tests;

public sealed class TwoFactorTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Enrol_then_sign_in_with_a_code_and_once_with_each_recovery_code()
    {
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        var browser = app.CreateFormClient();
        await SignInAsync(browser, email);

        // Enrol: a wrong code is refused, the right one turns 2FA on and shows recovery codes.
        var setup = await browser.GetAsync("/account/two-factor");
        Assert.Contains("data:image/png;base64,", setup);
        var key = Regex.Match(setup, "data-testid=\"shared-key\">([a-z0-9 ]+)<").Groups[1].Value;
        var wrong = await browser.SubmitAndReadAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = "000000" }, "/account/two-factor?handler=Enable");
        Assert.Contains("That code is not valid", wrong);
        var enabled = await browser.SubmitAndReadAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "/account/two-factor?handler=Enable");
        var recoveryCodes = Regex.Matches(enabled, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // Signing in now asks for a code.
        var fresh = app.CreateFormClient();
        var passwordStep = await fresh.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = username, ["Input.Password"] = Accounts.GoodPassword });
        Assert.StartsWith("/account/sign-in/two-factor", passwordStep.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.Http.GetAsync("/account")).StatusCode); // not signed in yet
        var codeStep = await fresh.SubmitAsync(passwordStep.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, codeStep.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/account")).StatusCode);

        // A recovery code works once.
        Assert.True(await SignInWithRecoveryCodeAsync(username, recoveryCodes[0]));
        Assert.False(await SignInWithRecoveryCodeAsync(username, recoveryCodes[0]));
    }

    [Fact]
    public async Task With_2FA_on_an_api_token_needs_the_code()
    {
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        var browser = app.CreateFormClient();
        await SignInAsync(browser, email);
        var key = Regex.Match(await browser.GetAsync("/account/two-factor"), "data-testid=\"shared-key\">([a-z0-9 ]+)<").Groups[1].Value;
        await browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "/account/two-factor?handler=Enable");
        var client = app.CreateClient();

        await (await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword)).AssertProblemAsync(HttpStatusCode.Unauthorized, "two-factor-required");
        await (await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword, "123456")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid-two-factor-code");
        Assert.Equal(HttpStatusCode.Created, (await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword, Totp.Code(key))).StatusCode);
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(string username, string recoveryCode)
    {
        var browser = app.CreateFormClient();
        var passwordStep = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = username, ["Input.Password"] = Accounts.GoodPassword });
        await browser.SubmitAsync(passwordStep.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = recoveryCode, ["IsRecoveryCode"] = "true" });
        return (await browser.Http.GetAsync("/account")).StatusCode == HttpStatusCode.OK;
    }

    private static async Task SignInAsync(FormClient browser, string login)
    {
        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = Accounts.GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
