using Microsoft.Playwright;

namespace Caicaini.Web.Tests;

public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_renders_the_layout_with_our_own_styles()
    {
        var page = await browser.NewPageAsync();
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);
        var externalRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:"))
                externalRequests.Add(request.Url);
        };

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Chat with the best AI models · Caicaini", await page.TitleAsync());
        Assert.Equal("Caicaini", await page.Locator("header .brand").InnerTextAsync());
        // Areas appear in the navigation as their pages land.
        Assert.True(await page.Locator("header nav[aria-label=Main] a", new() { HasTextString = "Help" }).IsVisibleAsync());
        Assert.True(await page.Locator("footer a[href='/Privacy']").IsVisibleAsync());
        Assert.Equal("One account, every model.", await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator("footer a[href='/api-docs']").IsVisibleAsync());
        // Our stylesheet loaded and applied (the header is laid out as a flex row).
        Assert.Equal("flex", await page.Locator("header.site-header").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Empty(failedRequests);
        Assert.Empty(externalRequests); // No CDN, nothing leaves the site.
    }

    [Fact]
    public async Task The_layout_follows_the_dark_colour_scheme_and_fits_a_phone()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 375, Height = 740 }, ColorScheme.Dark);
        await page.GotoAsync("/");

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(17, 18, 22)", background);
        // Nothing is wider than the phone's screen.
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px screen.");
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_inside_the_layout()
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync("/definitely/not/here");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator("header .brand").IsVisibleAsync());
    }
}
