using System.Net;
using System.Text.Json;
using Caicaini.Testing;

namespace Caicaini.Help.Tests;

public sealed class HelpApiTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task The_faq_api_is_public_and_searches()
    {
        var response = await app.CreateClient().GetAsync("/api/help/faq?q=refund");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var first = json.GetProperty("hits")[0];
        Assert.Equal("refunds", first.GetProperty("slug").GetString());
        Assert.Contains("same currency", first.GetProperty("answerMarkdown").GetString());
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "'; DROP TABLE help.faq_entries; --",
        "\"unterminated quote",
        "!!! ??? ((( ))) & | <-> :*",
        "the of and", // only stop words
        "-refund", // only an exclusion
        "<script>alert(1)</script>",
        "%00\u0000null byte",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("refund OR", 2_000)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_gives_results_or_an_empty_list_never_an_error(string query)
    {
        var response = await app.CreateClient().GetAsync("/api/help/faq?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, json.GetProperty("hits").ValueKind);

        // The table is still there.
        var after = await app.CreateClient().GetAsync("/api/help/faq?q=refund");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task The_help_page_survives_any_search_and_never_echoes_markup(string query)
    {
        var response = await app.CreateClient().GetAsync("/help?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }
}
