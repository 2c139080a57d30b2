using Caicaini.Models.Contracts;
using Caicaini.Models.Data;
using Caicaini.Shared.Money;

namespace Caicaini.Models.Tests;

/// <summary>Golden costs: tokens × the seeded prices, rounded up once per message, exact to the micro-credit.</summary>
public sealed class CostTests
{
    private static ModelPrice PriceOf(string id) => CatalogSeed.Models.Single(m => m.Id == id).Price;

    [Theory]
    // model, input, output, cache read, cache write, expected µcr
    [InlineData("caicaini/sonnet", 1_000, 500, 0, 0, 1_050_000)]            // 1000×300 + 500×1500 credits/Mtok = 0.3 + 0.75 credits
    [InlineData("caicaini/sonnet", 25, 15, 100, 10, 36_750)]                // the Anthropic stream golden: 7,500 + 22,500 + 3,000 + 3,750
    [InlineData("caicaini/opus", 2_000, 1_000, 50_000, 0, 6_000_000)]       // 1.0 + 2.5 + 2.5 credits
    [InlineData("caicaini/haiku", 1, 0, 0, 0, 100)]                         // one token: 100 µcr exactly
    [InlineData("caicaini/kimi", 12, 5, 8, 0, 2_090)]                       // the Moonshot golden: 720 + 1,250 + 120
    [InlineData("caicaini/kimi", 1, 1, 1, 1, 385)]
    public void Cost_is_tokens_times_price_per_million(string model, int input, int output, int cacheRead, int cacheWrite, long expectedMicros)
    {
        var cost = PriceOf(model).CostOf(new TokenUsage(input, output, cacheRead, cacheWrite, UsageSource.Reported));

        Assert.Equal(Credits.FromMicros(expectedMicros), cost);
    }

    [Fact]
    public void A_fraction_of_a_micro_credit_is_rounded_up_once_per_message()
    {
        var price = new ModelPrice(InputMicrosPerMTok: 3, OutputMicrosPerMTok: 7, 0, 0); // 3 and 7 µcr per million tokens

        Assert.Equal(Credits.FromMicros(1), price.CostOf(TokenUsage.Estimated(1, 0)));          // 0.000003 → 1
        Assert.Equal(Credits.FromMicros(1), price.CostOf(TokenUsage.Estimated(100_000, 100_000))); // 0.3 + 0.7 = 1.0 exactly
        Assert.Equal(Credits.FromMicros(2), price.CostOf(TokenUsage.Estimated(100_001, 100_000)));
    }

    [Fact]
    public void The_affordable_output_is_the_most_tokens_whose_cost_fits_the_budget()
    {
        var sonnet = PriceOf("caicaini/sonnet");
        var budget = Credits.FromWhole(1);

        var tokens = sonnet.AffordableOutputTokens(budget, inputTokens: 1_000);

        Assert.True(sonnet.WorstCase(1_000, tokens) <= budget);
        Assert.True(sonnet.WorstCase(1_000, tokens + 1) > budget);
        Assert.Equal(0, sonnet.AffordableOutputTokens(Credits.FromMicros(10), inputTokens: 1_000));
    }
}
