using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Models.Contracts;
using Caicaini.Models.Data;
using Caicaini.Models.Providers;
using Caicaini.Shared.Money;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Models.Tests;

/// <summary>The Host with keys for Anthropic and Moonshot pointing at local fakes that speak the real wire formats.</summary>
public sealed class ProviderApp : CaicainiAppFactory
{
    protected override bool WithFakeProviders => true;
}

public sealed class ProviderAdapterTests(ProviderApp app) : IClassFixture<ProviderApp>
{
    private static readonly IReadOnlyList<ChatTurn> Hi = [new("user", "Say hello")];

    [Fact]
    public async Task Anthropic_streamed_and_whole_answers_give_the_same_usage_and_cost_with_cached_tokens()
    {
        app.Providers.Anthropic.ThenEvents(Wire.AnthropicStream("Hello", " world")).ThenJson(Wire.AnthropicMessage("Hello world"));

        var (text, end) = await StreamAsync(new StreamCompletion("caicaini/sonnet", Hi, 100, FallBackOnFailure: false));
        var whole = await WholeAsync("caicaini/sonnet");

        var finished = Assert.IsType<CompletionFinished>(end);
        Assert.Equal("Hello world", text);
        Assert.Equal(new TokenUsage(25, 15, 100, 10, UsageSource.Reported), finished.Usage); // input excludes cache reads/writes
        Assert.Equal(Credits.FromMicros(36_750), finished.Cost);
        Assert.Equal(finished.Usage, whole);
        var sent = app.Providers.Anthropic.Requests.First();
        Assert.Equal("/v1/messages", sent.Path);
        Assert.Equal("sk-ant-test", sent.Headers["x-api-key"]);
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.Contains(app.Providers.Anthropic.Requests, r => r.Body.Contains("\"model\":\"claude-sonnet-4-5\""));
    }

    [Fact]
    public async Task OpenAi_compatible_final_usage_chunk_and_moonshot_choice_usage_both_cost_the_same_as_the_whole_answer()
    {
        app.Providers.Moonshot.ThenEvents(Wire.OpenAiStream(["Hel", "lo"], Wire.UsageChunk)).ThenEvents(Wire.OpenAiStream(["Hel", "lo"], Wire.MoonshotChoiceUsage))
            .ThenJson(Wire.OpenAiCompletion("Hello", standardUsage: true)).ThenJson(Wire.OpenAiCompletion("Hello", standardUsage: false));

        var (_, standard) = await StreamAsync(new StreamCompletion("caicaini/kimi", Hi, 100, false));
        var (_, moonshot) = await StreamAsync(new StreamCompletion("caicaini/kimi", Hi, 100, false));
        var wholeStandard = await WholeAsync("caicaini/kimi");
        var wholeMoonshot = await WholeAsync("caicaini/kimi");

        var expected = new TokenUsage(12, 5, 8, 0, UsageSource.Reported); // prompt 20 of which 8 cached
        Assert.Equal(expected, Assert.IsType<CompletionFinished>(standard).Usage);
        Assert.Equal(expected, Assert.IsType<CompletionFinished>(moonshot).Usage);
        Assert.Equal(expected, wholeStandard);
        Assert.Equal(expected, wholeMoonshot);
        Assert.Equal(Credits.FromMicros(2_090), ((CompletionFinished)moonshot).Cost);
        Assert.All(app.Providers.Moonshot.Requests, r => Assert.Equal("Bearer sk-moon-test", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_stream_cut_short_is_charged_for_the_delivered_text_estimated_with_the_tokenizer()
    {
        app.Providers.Anthropic.ThenEvents(Wire.AnthropicStream("Hello", " there", " friend"), cutAfter: 5);
        app.Providers.Moonshot.ThenEvents(Wire.OpenAiStream(["Hel", "lo", " you"], Wire.UsageChunk), cutAfter: 3);

        var (anthropicText, anthropicEnd) = await StreamAsync(new StreamCompletion("caicaini/sonnet", Hi, 100, false));
        var (moonshotText, moonshotEnd) = await StreamAsync(new StreamCompletion("caicaini/kimi", Hi, 100, false));

        foreach (var (text, end, model) in new[] { (anthropicText, anthropicEnd, "caicaini/sonnet"), (moonshotText, moonshotEnd, "caicaini/kimi") })
        {
            var failed = Assert.IsType<CompletionFailed>(end);
            Assert.True(failed.AnyOutput, $"{model}: '{text}' {end}");
            Assert.Equal(UsageSource.Estimated, failed.Usage.Source);
            Assert.Equal(Count(text), failed.Usage.OutputTokens);
            Assert.Equal(CatalogSeed.Models.Single(m => m.Id == model).Price.CostOf(failed.Usage), failed.Cost);
            Assert.True(failed.Cost > Credits.Zero);
        }
        Assert.Equal("Hello there", anthropicText);
        Assert.Equal("Hello", moonshotText);
    }

    [Fact]
    public async Task A_provider_refusing_before_output_is_a_typed_failure_that_keeps_its_own_words_out()
    {
        app.Providers.Anthropic.ThenJson("""{"type":"error","error":{"type":"rate_limit_error","message":"secret-internal-detail org 1234"}}""", 429);
        app.Providers.Moonshot.ThenJson("""{"error":{"message":"secret-internal-detail upstream exploded"}}""", 500);

        var (_, rateLimited) = await StreamAsync(new StreamCompletion("caicaini/sonnet", Hi, 100, false));
        var (_, broken) = await StreamAsync(new StreamCompletion("caicaini/kimi", Hi, 100, false));

        var overloaded = Assert.IsType<CompletionFailed>(rateLimited);
        Assert.Equal(ProviderFailureKind.Overloaded, overloaded.Kind);
        Assert.Equal(ProviderFailureKind.Unavailable, Assert.IsType<CompletionFailed>(broken).Kind);
        foreach (var failed in new[] { overloaded, (CompletionFailed)broken })
        {
            Assert.False(failed.AnyOutput);
            Assert.Equal(Credits.Zero, failed.Cost);
            Assert.DoesNotContain("secret-internal-detail", failed.Message);
        }
    }

    [Fact]
    public async Task Auto_falls_back_to_the_next_model_of_the_same_tier_when_the_first_fails_before_output_and_says_so()
    {
        app.Providers.Anthropic.ThenJson("""{"type":"error","error":{"type":"api_error","message":"Internal server error"}}""", 500);
        app.Providers.Moonshot.ThenEvents(Wire.OpenAiStream(["Paris"], Wire.UsageChunk));

        var events = new List<CompletionEvent>();
        await using (var scope = app.Services.CreateAsyncScope())
            await foreach (var e in scope.ServiceProvider.GetRequiredService<ISender>().CreateStream(
                               new StreamCompletion("caicaini/haiku", [new("user", "Capital of France?")], 100, FallBackOnFailure: true)))
                events.Add(e);

        // The switch is announced before Kimi's first word, so a caller cut off mid-answer prices it at Kimi's rates.
        Assert.Equal(new ModelSwitched("caicaini/kimi", "Haiku was unavailable, so Kimi answered instead."), events[0]);
        Assert.Equal("Paris", Assert.IsType<TextDelta>(events[1]).Text);
        var finished = Assert.IsType<CompletionFinished>(events[^1]);
        Assert.Equal("caicaini/kimi", finished.ModelId);
        Assert.Equal("Haiku was unavailable, so Kimi answered instead.", finished.FallbackNote);
    }

    [Fact]
    public async Task With_keys_configured_the_catalog_says_the_models_are_served_by_their_providers()
    {
        var models = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/models");

        Assert.All(models.EnumerateArray().Where(m => !m.GetProperty("isRouter").GetBoolean()), m => Assert.False(m.GetProperty("simulated").GetBoolean()));
    }

    private int Count(string text) => app.Services.GetRequiredService<Domain.TokenCounter>().Count(text);

    private Task<(string Text, CompletionEvent End)> StreamAsync(StreamCompletion request) => Completions.StreamAsync(app, request);

    /// <summary>The non-streamed path of the same adapter, normalised the same way.</summary>
    private async Task<TokenUsage?> WholeAsync(string modelId)
    {
        var model = CatalogSeed.Models.Single(m => m.Id == modelId);
        var served = app.Services.GetRequiredService<ChatClientFactory>().For(model);
        var response = await served.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello")], new ChatOptions { MaxOutputTokens = 100 });
        return UsageReader.FromResponse(response);
    }
}
