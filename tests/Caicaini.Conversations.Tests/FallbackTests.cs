using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Models.Contracts;
using Caicaini.Testing;

namespace Caicaini.Conversations.Tests;

/// <summary>The chat Host with keys for Anthropic and Moonshot pointing at local fakes, so auto's fallback runs over real HTTP.</summary>
public sealed class ProvidersChatApp : ChatApp
{
    protected override bool WithFakeProviders => true;
}

public sealed class FallbackTests(ProvidersChatApp app) : IClassFixture<ProvidersChatApp>
{
    [Fact]
    public async Task Auto_falling_back_says_so_and_a_stop_after_the_switch_is_priced_at_the_model_that_wrote_the_text()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        app.Providers.Anthropic.ThenJson("""{"type":"error","error":{"type":"api_error","message":"Internal server error"}}""", 500); // haiku
        app.Providers.Moonshot.ThenEvents(Wire.OpenAiStream(Enumerable.Repeat("Paris is the capital. ", 60).ToArray(), Wire.UsageChunk), pause: TimeSpan.FromMilliseconds(50));

        var (_, events) = await SseReader.SendAsync(client, conversation, "What is the capital of France?", stopAfterDeltas: 3);

        Assert.Equal("caicaini/haiku", events[0].Data.GetProperty("model").GetString()); // auto's pick, before it failed
        var message = await ChatApp.FinishedMessageAsync(client, conversation, events[0].Data.GetProperty("messageId").GetGuid());
        Assert.Equal(("stopped", "caicaini/kimi"), (message.GetProperty("status").GetString(), message.GetProperty("modelUsed").GetString()));
        Assert.StartsWith("Haiku was unavailable, so Kimi answered instead. Stopped.", message.GetProperty("note").GetString());
        var content = message.GetProperty("content").GetString()!;
        Assert.StartsWith(events.Text(), content);
        var atKimi = (await app.QueryAsync(new PriceDeliveredText("caicaini/kimi", message.GetProperty("inputTokens").GetInt32(), content))).Value!.Cost.Micros;
        var atHaiku = (await app.QueryAsync(new PriceDeliveredText("caicaini/haiku", message.GetProperty("inputTokens").GetInt32(), content))).Value!.Cost.Micros;
        Assert.NotEqual(atHaiku, atKimi);
        Assert.Equal(atKimi, message.GetProperty("costMicros").GetInt64());
        Assert.Equal((atKimi, 0L), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        await app.AssertLedgerInvariantAsync();
    }
}
