using Caicaini.Sdk;

namespace Caicaini.Conversations.Tests;

/// <summary>The generated SDK against the running Host: the same calls the CLI and integrators make.</summary>
public sealed class SdkTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task The_sdk_lists_models_starts_a_conversation_and_gets_a_receipt_that_matches_the_balance()
    {
        var (_, http) = await app.TokenUserAsync("pro"); // API tokens need a plan that includes the CLI
        using var client = new CaicainiClient(app.ServerAddress, httpClient: http);
        var before = await client.Billing.GetBalanceAsync();

        var models = await client.Models.ListModelsAsync();
        var conversation = await client.Conversations.CreateAsync(new CreateConversationRequest { Title = "From the SDK" });
        var done = await client.Conversations.SendMessageAsync(conversation.Id, stream: false, new SendMessageRequest { Text = "Who wrote Hamlet?", Model = "caicaini/haiku" });
        var balance = await client.Billing.GetBalanceAsync();
        var me = await client.Identity.MeAsync();

        Assert.Contains(models, m => m.Id == "caicaini/auto");
        Assert.Equal("completed", done.Message.Status);
        Assert.StartsWith("William Shakespeare wrote Hamlet", done.Message.Content);
        Assert.Equal(before.SubscriptionMicros - done.Message.CostMicros, balance.SubscriptionMicros);
        Assert.Equal(balance.SubscriptionMicros, done.SubscriptionMicros);
        Assert.NotNull(me.Plan);
        Assert.Equal(("pro", true), (me.Plan.PlanId, me.Plan.IncludesCli));
    }
}
