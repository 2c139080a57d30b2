namespace Caicaini.Web.Tests;

public sealed class HelpPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Help_renders_every_section_and_a_search_narrows_the_list()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("header nav a", new() { HasTextString = "Help" }).ClickAsync();

        Assert.EndsWith("/Help", page.Url);
        var allQuestions = await page.Locator("article.help-entry").CountAsync();
        Assert.True(allQuestions >= 20, $"Only {allQuestions} questions on /help.");
        Assert.Equal(6, await page.Locator("section.help-section").CountAsync());

        await page.Locator("#help-q").FillAsync("refund");
        await page.Locator("#help-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/help?q=refund");

        var hits = page.Locator("li.help-hit");
        var matches = await hits.CountAsync();
        Assert.InRange(matches, 1, allQuestions - 1);
        Assert.Equal("Can I get a refund?", await hits.First.Locator("a").First.InnerTextAsync());
        Assert.True(await hits.First.Locator("mark").CountAsync() > 0);

        // The result deep-links to the answer on the full page.
        await hits.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/help#refunds");
        Assert.True(await page.Locator("#refunds").IsVisibleAsync());
    }
}
