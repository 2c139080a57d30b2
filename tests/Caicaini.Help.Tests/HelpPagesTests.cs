using System.Net;
using Caicaini.Testing;

namespace Caicaini.Help.Tests;

public sealed class HelpPagesFactory : CaicainiAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Support:Telegram", "caicaini_test_desk"),
        new("Support:Email", "help@test.example"),
        new("Privacy:DataLocation", "Testland (Region 7)"),
    ];
}

public sealed class HelpPagesTests(HelpPagesFactory app) : IClassFixture<HelpPagesFactory>
{
    [Fact]
    public async Task The_help_page_has_every_section_deep_links_and_the_support_channels()
    {
        var html = await app.CreateClient().GetStringAsync("/help");

        Assert.Contains("id=\"section-payments\"", html);
        Assert.Contains("id=\"forgot-password\"", html);
        Assert.Contains("href=\"#forgot-password\"", html);
        Assert.Contains("Still stuck?", html);
        Assert.Contains("https://t.me/caicaini_test_desk", html);
        Assert.Contains("mailto:help@test.example", html);
        Assert.Contains("WeChat", html);
        Assert.Contains("recommended for anything sensitive", html);
        Assert.Contains("href=\"/account/forgot-password\"", html); // answers link to the page that does the thing
    }

    [Fact]
    public async Task A_search_without_javascript_shows_only_the_matches()
    {
        var html = await app.CreateClient().GetStringAsync("/help?q=confirming");

        Assert.Contains("href=\"/help#payment-confirming\"", html);
        Assert.Contains("<mark>", html);
        Assert.DoesNotContain("id=\"section-account\"", html);
    }

    [Fact]
    public async Task The_privacy_page_states_where_data_lives_and_when_it_is_gone()
    {
        var response = await app.CreateClient().GetAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Testland (Region 7)", html);
        Assert.Contains("<strong>24 hours</strong>", html);
        Assert.Contains("<strong>30-day</strong>", html);
        Assert.Contains("Deleting your account", html);
    }

    [Fact]
    public async Task Help_and_privacy_are_linked_from_the_layout()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("href=\"/Help\"", html);
        Assert.Contains("href=\"/Privacy\"", html);
    }
}
