using Caicaini.Help.Data.Seed;
using Caicaini.Help.Features.GetFaq;
using Caicaini.Help.Features.SearchFaq;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Help.Tests;

public sealed class FaqTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Every_seeded_question_is_published_with_a_real_answer()
    {
        var faq = await SendAsync(new GetFaq());

        var entries = faq.Sections.SelectMany(s => s.Entries).ToList();
        Assert.Equal(FaqContent.Sections.Sum(s => s.Entries.Length), entries.Count);
        Assert.Equal(["Account & sign-in", "Credits & billing", "Models & quality", "Payments & refunds", "Caicaini Code (CLI)", "Privacy & data"],
            faq.Sections.Select(s => s.Title));
        foreach (var entry in entries)
        {
            Assert.True(entry.AnswerMarkdown.Trim().Length >= 150, $"'{entry.Question}' has a thin answer.");
            Assert.Contains("<p>", entry.AnswerHtml);
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Slug).Distinct().Count());
    }

    [Theory]
    [InlineData("How do I create an account?")]
    [InlineData("I forgot my password.")]
    [InlineData("Can I change my username or email?")]
    [InlineData("How do credits work?")]
    [InlineData("My subscription credits are running low — what now?")]
    [InlineData("What payment methods do you accept?")]
    [InlineData("My payment is \"confirming\" — what does that mean?")]
    [InlineData("How do I install the CLI?")]
    [InlineData("Where does my data live?")]
    public async Task The_product_help_texts_questions_are_all_answered(string question)
    {
        var faq = await SendAsync(new GetFaq());

        Assert.Contains(faq.Sections.SelectMany(s => s.Entries), e => e.Question == question);
    }

    [Theory]
    [InlineData("refund", "refunds")]
    [InlineData("confirming", "payment-confirming")]
    [InlineData("forgot password", "forgot-password")]
    [InlineData("CLI install", "install-cli")]
    [InlineData("delete conversation", "delete-conversation")]
    [InlineData("two-factor", "two-factor")]
    [InlineData("change email", "change-username-or-email")]
    [InlineData("USDT", "payment-methods")]
    [InlineData("auto", "auto-router")]
    public async Task Search_puts_the_right_entry_first(string query, string expectedSlug)
    {
        var results = await SendAsync(new SearchFaq(query));

        Assert.NotEmpty(results.Hits);
        Assert.Equal(expectedSlug, results.Hits[0].Slug);
    }

    [Fact]
    public async Task Snippets_highlight_matches_and_carry_no_other_markup()
    {
        var results = await SendAsync(new SearchFaq("blockchain"));

        var hit = results.Hits[0];
        Assert.Contains("<mark>blockchain</mark>", hit.SnippetHtml);
        Assert.DoesNotContain("<mark>", hit.SnippetText);
        var withoutMarks = hit.SnippetHtml.Replace("<mark>", "").Replace("</mark>", "");
        Assert.DoesNotContain('<', withoutMarks);
    }

    [Fact]
    public async Task No_query_lists_every_entry_in_page_order()
    {
        var results = await SendAsync(new SearchFaq("  "));

        Assert.Equal(FaqContent.Sections.SelectMany(s => s.Entries).Select(e => e.Slug), results.Hits.Select(h => h.Slug));
    }

    [Fact]
    public void Query_normalising_cuts_long_input_and_drops_control_characters()
    {
        Assert.Equal(SearchFaqHandler.MaxQueryLength, SearchFaqHandler.Normalise(new string('a', 10_000)).Length);
        Assert.Equal("refund", SearchFaqHandler.Normalise("\0re\u0001fund\n"));
        Assert.Equal("", SearchFaqHandler.Normalise(null));
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }
}
