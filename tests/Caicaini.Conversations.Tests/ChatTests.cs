using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Caicaini.Conversations.Features.Chat;
using Caicaini.Conversations.Features.Purge;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Conversations.Tests;

public sealed class ChatTests(ChatApp app) : IClassFixture<ChatApp>
{
    private const long Credit = 1_000_000;

    [Fact]
    public async Task A_message_streams_start_deltas_done_and_its_receipt_equals_the_ledger_charge()
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var (response, events) = await SseReader.SendAsync(client, conversation, "What is the capital of France?");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("start", events[0].Event);
        Assert.Equal("caicaini/haiku", events[0].Data.GetProperty("model").GetString()); // auto: short factual → haiku
        Assert.True(events.Count(e => e.Event == "delta") > 3);
        Assert.Equal("done", events[^1].Event);
        var message = events[^1].Data.GetProperty("message");
        Assert.Equal(events.Text(), message.GetProperty("content").GetString());
        Assert.StartsWith("The capital of France is Paris.", events.Text());
        Assert.Equal("completed", message.GetProperty("status").GetString());
        Assert.Equal(("caicaini/auto", "caicaini/haiku"), (message.GetProperty("requestedModel").GetString(), message.GetProperty("modelUsed").GetString()));
        Assert.StartsWith("Short factual question", message.GetProperty("routerReason").GetString());
        Assert.Equal("reported", message.GetProperty("usageSource").GetString());
        Assert.True(message.GetProperty("inputTokens").GetInt32() > 0 && message.GetProperty("outputTokens").GetInt32() > 0);
        var cost = message.GetProperty("costMicros").GetInt64();
        Assert.True(cost > 0);
        Assert.True(message.GetProperty("opusCostMicros").GetInt64() > message.GetProperty("sonnetCostMicros").GetInt64());
        Assert.True(message.GetProperty("sonnetCostMicros").GetInt64() > cost); // the saving auto made
        var (subscription, topUp) = await app.ChargedAsync(message.GetProperty("billingReference").GetString()!);
        Assert.Equal((cost, 0L), (subscription, topUp));
        Assert.Equal(cost, message.GetProperty("fromSubscriptionMicros").GetInt64());
        var balance = await client.GetFromJsonAsync<JsonElement>("/api/billing/balance");
        Assert.Equal(100 * Credit - cost, balance.GetProperty("subscriptionMicros").GetInt64());
        Assert.Equal(balance.GetProperty("subscriptionMicros").GetInt64(), events[^1].Data.GetProperty("subscriptionMicros").GetInt64());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}");
        Assert.Equal("What is the capital of France?", stored.GetProperty("title").GetString());
        Assert.Equal(["user", "assistant"], stored.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Without_streaming_the_answer_is_one_json_document_and_history_reaches_the_model()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages?stream=false", new { text = "Who wrote Hamlet?", model = "caicaini/sonnet" });

        var second = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages?stream=false", new { text = "And when?", model = "caicaini/sonnet" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var done = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("read the 2 earlier turn(s)", done.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("message").GetProperty("routerReason").ValueKind);
    }

    [Fact]
    public async Task Subscription_credits_are_spent_first_and_the_split_crosses_into_top_up()
    {
        var (user, client) = await app.UserAsync();
        await app.AdjustAsync(user, "subscription", -(100 * Credit - 100)); // 100 µcr of subscription left
        await app.AdjustAsync(user, "topup", 10 * Credit);
        var conversation = await app.ConversationAsync(client);

        var (_, events) = await SseReader.SendAsync(client, conversation, "Explain tides in detail", "caicaini/sonnet");

        var message = events[^1].Data.GetProperty("message");
        Assert.Equal(100, message.GetProperty("fromSubscriptionMicros").GetInt64());
        Assert.Equal(message.GetProperty("costMicros").GetInt64() - 100, message.GetProperty("fromTopUpMicros").GetInt64());
        Assert.Equal((100L, message.GetProperty("fromTopUpMicros").GetInt64()), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        Assert.Equal(0, events[^1].Data.GetProperty("subscriptionMicros").GetInt64());
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_balance_that_cannot_pay_a_short_answer_is_402_and_a_small_one_caps_the_answer()
    {
        var (user, client) = await app.UserAsync();
        await app.AdjustAsync(user, "subscription", -(100 * Credit - 10_000)); // 0.01 credits
        var conversation = await app.ConversationAsync(client);

        var refused = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "Hi there", model = "caicaini/opus" });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "insufficient-credits");
        Assert.Equal(10_000, problem.GetProperty("availableMicros").GetInt64());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("messages").EnumerateArray());

        await app.AdjustAsync(user, "subscription", 490_000); // 0.5 credits: about 330 Sonnet output tokens, far from its 16,000
        var (_, events) = await SseReader.SendAsync(client, conversation, "Tell me everything [simulate:long]", "caicaini/sonnet");

        var message = events[^1].Data.GetProperty("message");
        Assert.Equal("done", events[^1].Event);
        Assert.InRange(message.GetProperty("outputTokens").GetInt32(), 50, 340);
        Assert.True(message.GetProperty("costMicros").GetInt64() <= 500_000);
        Assert.True(events[^1].Data.GetProperty("subscriptionMicros").GetInt64() >= 0);
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_provider_failing_before_output_releases_the_hold_and_charges_nothing()
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var (_, events) = await SseReader.SendAsync(client, conversation, "Hello [simulate:fail-before]", "caicaini/sonnet");

        Assert.Equal(["start", "error"], events.Select(e => e.Event));
        Assert.Equal(502, events[1].Data.GetProperty("status").GetInt32());
        var message = events[1].Data.GetProperty("message");
        Assert.Equal(("failed", 0L), (message.GetProperty("status").GetString(), message.GetProperty("costMicros").GetInt64()));
        Assert.Equal((0L, 0L), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        Assert.Equal(100 * Credit, (await client.GetFromJsonAsync<JsonElement>("/api/billing/balance")).GetProperty("subscriptionMicros").GetInt64());
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_provider_failing_mid_answer_charges_only_the_delivered_part_estimated()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var (_, events) = await SseReader.SendAsync(client, conversation, "Explain tides in detail [simulate:fail-after:20]", "caicaini/sonnet");

        Assert.Equal("error", events[^1].Event);
        var message = events[^1].Data.GetProperty("message");
        Assert.Equal(("stopped", "estimated"), (message.GetProperty("status").GetString(), message.GetProperty("usageSource").GetString()));
        Assert.Equal(events.Text(), message.GetProperty("content").GetString());
        var cost = message.GetProperty("costMicros").GetInt64();
        Assert.True(cost > 0);
        Assert.Equal((cost, 0L), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Hanging_up_mid_answer_stops_upstream_and_charges_only_what_was_delivered()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var (_, events) = await SseReader.SendAsync(client, conversation, "Tell me everything [simulate:long]", "caicaini/opus", stopAfterDeltas: 5);

        var message = await ChatApp.FinishedMessageAsync(client, conversation, events[0].Data.GetProperty("messageId").GetGuid());
        Assert.Equal("stopped", message.GetProperty("status").GetString());
        Assert.Equal("estimated", message.GetProperty("usageSource").GetString());
        Assert.StartsWith(events.Text(), message.GetProperty("content").GetString());
        Assert.True(message.GetProperty("outputTokens").GetInt32() < 1_000); // far from the whole long answer
        var cost = message.GetProperty("costMicros").GetInt64();
        Assert.Equal((cost, 0L), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_long_answer_renews_its_hold_while_it_streams_so_the_sweeper_leaves_it_alone()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var (_, events) = await SseReader.SendAsync(client, conversation, "Tell me everything [simulate:long]", "caicaini/haiku");

        var message = events[^1].Data.GetProperty("message");
        Assert.Equal("done", events[^1].Event);
        var reference = message.GetProperty("billingReference").GetString()!;
        // The answer streamed for longer than one save interval (2 s), so it renewed its hold at least once.
        Assert.Equal(1, await app.ScalarAsync("SELECT count(*) FROM billing.holds WHERE reference = @r AND status = 'Settled' AND renewed_at > created_at", ("r", reference)));
        Assert.Equal((message.GetProperty("costMicros").GetInt64(), 0L), await app.ChargedAsync(reference));
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task A_reply_left_streaming_by_a_dead_process_is_charged_for_its_saved_text_once_by_the_janitor()
    {
        var (user, client) = await app.UserAsync();
        var withText = await app.ConversationAsync(client);
        var withoutText = await app.ConversationAsync(client);
        var started = (await app.SendAsync(new StartReply(user, withText, "Explain tides in detail", "caicaini/sonnet"))).Value;
        var empty = (await app.SendAsync(new StartReply(user, withoutText, "Hello", "caicaini/sonnet"))).Value;
        await app.ScalarAsync("UPDATE conversations.messages SET content = 'Tides are caused by the Moon' WHERE id = @id", ("id", started.AssistantMessageId));

        var janitor = app.Services.GetRequiredService<ConversationsJanitor>();
        await janitor.RunOnceAsync(default);
        await janitor.RunOnceAsync(default);

        var charged = await app.ChargedAsync($"reply:{started.AssistantMessageId:N}");
        Assert.True(charged.Subscription > 0);
        Assert.Equal(charged.Subscription, await app.ScalarAsync("SELECT cost_micros FROM conversations.messages WHERE id = @id", ("id", started.AssistantMessageId)));
        Assert.Equal((0L, 0L), await app.ChargedAsync($"reply:{empty.AssistantMessageId:N}"));
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE status = 'Streaming' AND user_id = @u", ("u", user)));
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM billing.holds WHERE status = 'Open' AND user_id = @u", ("u", user)));
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task Sending_while_an_answer_is_still_being_written_is_409_and_holds_nothing_more()
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        var first = await app.SendAsync(new StartReply(user, conversation, "First", "caicaini/haiku"));

        var second = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "Second" });

        Assert.True(first.IsSuccess);
        await second.AssertProblemAsync(HttpStatusCode.Conflict, "reply-in-progress");
        Assert.Equal(1, await app.ScalarAsync("SELECT count(*) FROM billing.holds WHERE user_id = @u", ("u", user)));
    }

    [Theory]
    [InlineData("", null, 422, "validation")]
    [InlineData("   ", null, 422, "validation")]
    [InlineData("hello", "gpt-9", 422, "unknown-model")]
    public async Task Bad_messages_are_refused_and_charge_nothing(string text, string? model, int status, string code)
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var response = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text, model });

        var problem = await response.AssertProblemAsync((HttpStatusCode)status, code);
        if (code == "unknown-model") Assert.Contains("caicaini/auto", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await app.ScalarAsync("SELECT count(*) FROM billing.ledger_entries WHERE user_id = @u", ("u", user))); // the grant only
    }

    [Fact]
    public async Task Unreadable_requests_are_400_saying_what_could_not_be_read_and_charge_nothing()
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var badQuery = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages?stream=maybe", new { text = "hi" });
        var brokenJson = await client.PostAsync($"/api/conversations/{conversation}/messages", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        Assert.Contains("stream", (await badQuery.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request")).GetProperty("detail").GetString());
        Assert.Contains("JSON", (await brokenJson.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request")).GetProperty("detail").GetString());
        Assert.Equal(1, await app.ScalarAsync("SELECT count(*) FROM billing.ledger_entries WHERE user_id = @u", ("u", user))); // the grant only
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE conversation_id = @c", ("c", conversation)));
    }

    [Fact]
    public async Task An_oversized_message_is_refused()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);

        var response = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = new string('a', 100_001) });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
    }

    [Fact]
    public async Task Other_users_conversations_are_not_found()
    {
        var (_, alice) = await app.UserAsync();
        var (_, bob) = await app.UserAsync();
        var conversation = await app.ConversationAsync(alice);

        await (await bob.GetAsync($"/api/conversations/{conversation}")).AssertProblemAsync(HttpStatusCode.NotFound, "conversation-not-found");
        await (await bob.DeleteAsync($"/api/conversations/{conversation}")).AssertProblemAsync(HttpStatusCode.NotFound, "conversation-not-found");
        await (await bob.PatchAsJsonAsync($"/api/conversations/{conversation}", new { title = "mine" })).AssertProblemAsync(HttpStatusCode.NotFound, "conversation-not-found");
        await (await bob.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "hi" })).AssertProblemAsync(HttpStatusCode.NotFound, "conversation-not-found");
        Assert.DoesNotContain((await bob.GetFromJsonAsync<JsonElement>("/api/conversations")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == conversation);
    }

    [Fact]
    public async Task Deleting_hides_at_once_and_the_purge_removes_the_rows_while_the_ledger_keeps_the_charge()
    {
        var (user, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        var (_, events) = await SseReader.SendAsync(client, conversation, "Who wrote Hamlet?");
        var reference = events[^1].Data.GetProperty("message").GetProperty("billingReference").GetString()!;

        var deleted = await client.DeleteAsync($"/api/conversations/{conversation}");
        var receipt = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        var afterDelete = await client.GetAsync($"/api/conversations/{conversation}");
        var stillInDatabase = await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE conversation_id = @c", ("c", conversation));
        await app.Services.GetRequiredService<ConversationsJanitor>().RunOnceAsync(default);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(receipt.GetProperty("deletedAt").GetDateTimeOffset().AddHours(24), receipt.GetProperty("purgeBy").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/conversations")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == conversation);
        Assert.Equal(2, stillInDatabase);
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE conversation_id = @c", ("c", conversation)));
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM conversations.conversations WHERE id = @c", ("c", conversation)));
        Assert.True((await app.ChargedAsync(reference)).Subscription > 0);
    }

    [Fact]
    public async Task A_conversation_deleted_and_purged_while_its_answer_streams_still_charges_that_answer_once_and_leaves_no_rows()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        var sending = SseReader.SendAsync(client, conversation, "Tell me everything [simulate:long]", "caicaini/haiku");
        while (await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE conversation_id = @c AND status = 'Streaming'", ("c", conversation)) == 0)
            await Task.Delay(20);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/conversations/{conversation}")).StatusCode);
        // What the purge does to a deleted conversation (its messages go by cascade), while the answer is still being written.
        await app.ScalarAsync("WITH gone AS (DELETE FROM conversations.conversations WHERE id = @c RETURNING 1) SELECT count(*) FROM gone", ("c", conversation));
        var (_, events) = await sending;

        Assert.Equal("done", events[^1].Event);
        var message = events[^1].Data.GetProperty("message");
        Assert.True(message.GetProperty("costMicros").GetInt64() > 0);
        Assert.Equal((message.GetProperty("costMicros").GetInt64(), 0L), await app.ChargedAsync(message.GetProperty("billingReference").GetString()!));
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM conversations.messages WHERE conversation_id = @c", ("c", conversation)));
        Assert.Equal(1, await app.ScalarAsync("SELECT count(*) FROM billing.holds WHERE reference = @r AND status <> 'Open'", ("r", message.GetProperty("billingReference").GetString()!))); // closed, once
        await app.AssertLedgerInvariantAsync();
    }

    [Fact]
    public async Task The_estimate_names_auto_s_pick_and_a_cost_range_and_usage_lists_every_answer()
    {
        var (_, client) = await app.UserAsync();
        var conversation = await app.ConversationAsync(client);
        await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages?stream=false", new { text = "Define entropy.", model = "caicaini/haiku" });
        await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages?stream=false", new { text = "Explain it in detail", model = "caicaini/sonnet" });

        var estimate = await (await client.PostAsJsonAsync("/api/conversations/estimate", new { text = "What is the capital of Japan?" })).Content.ReadFromJsonAsync<JsonElement>();
        var usage = await client.GetFromJsonAsync<JsonElement>("/api/conversations/usage");
        var sonnetOnly = await client.GetFromJsonAsync<JsonElement>("/api/conversations/usage?model=caicaini/sonnet");
        var csv = await client.GetStringAsync("/api/conversations/usage/export");
        var renamed = await client.PatchAsJsonAsync($"/api/conversations/{conversation}", new { title = "Entropy" });

        Assert.Equal("caicaini/haiku", estimate.GetProperty("modelId").GetString());
        Assert.True(estimate.GetProperty("minMicros").GetInt64() <= estimate.GetProperty("typicalMicros").GetInt64());
        Assert.True(estimate.GetProperty("typicalMicros").GetInt64() < estimate.GetProperty("maxMicros").GetInt64());
        Assert.Equal(2, usage.GetProperty("total").GetInt32());
        Assert.Equal(usage.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("costMicros").GetInt64()), usage.GetProperty("totalCostMicros").GetInt64());
        Assert.Equal("caicaini/sonnet", Assert.Single(sonnetOnly.GetProperty("lines").EnumerateArray()).GetProperty("modelUsed").GetString());
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("Entropy", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
