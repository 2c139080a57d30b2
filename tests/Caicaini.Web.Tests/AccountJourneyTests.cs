namespace Caicaini.Web.Tests;

public sealed class AccountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_up_sign_out_reset_the_password_by_email_and_sign_in_with_the_new_one()
    {
        var page = await browser.NewPageAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"journey{id}@example.com";
        var username = $"journey{id}";

        // Sign up from the layout's account menu.
        await page.GotoAsync("/");
        await page.Locator("nav[aria-label=Account] a", new() { HasTextString = "Sign up" }).ClickAsync();
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Username").FillAsync(username);
        await page.Locator("#Input_Password").FillAsync("first journey passphrase");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(browser.BaseAddress.ToString());
        Assert.Equal(username, await page.Locator("nav[aria-label=Account] a").First.InnerTextAsync());

        // Sign out.
        await page.Locator("nav[aria-label=Account] button", new() { HasTextString = "Sign out" }).ClickAsync();
        await page.Locator("nav[aria-label=Account] a", new() { HasTextString = "Sign in" }).WaitForAsync();

        // Forgot password: the link arrives by email.
        await page.Locator("nav[aria-label=Account] a", new() { HasTextString = "Sign in" }).ClickAsync();
        await page.Locator("a", new() { HasTextString = "Forgot your password?" }).ClickAsync();
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.Locator("p.notice").WaitForAsync();

        await page.GotoAsync(browser.Mailbox.LinkIn(email));
        await page.Locator("#NewPassword").FillAsync("second journey passphrase");
        await page.Locator("main button[type=submit]").ClickAsync();
        Assert.Contains("Your password has been changed", await page.Locator("p.notice").InnerTextAsync());

        // Sign in with the new password.
        await page.Locator("p.notice a", new() { HasTextString = "Sign in" }).ClickAsync();
        await page.Locator("#Input_Login").FillAsync(username);
        await page.Locator("#Input_Password").FillAsync("second journey passphrase");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(browser.BaseAddress.ToString());

        await page.GotoAsync("/account");
        Assert.Equal(email, await page.Locator("[data-testid=email]").InnerTextAsync());
    }
}
