using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Caicaini.Billing.Features.AdjustCredits;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Conversations.Tests;

/// <summary>The Host with the Simulator (no keys), quick tokens, and the janitor run by hand.</summary>
public class ChatApp : CaicainiAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Models:Providers:Simulator:TokenDelay", "00:00:00.002"),
        new("Conversations:JanitorEnabled", "false"),
        new("Conversations:AbandonedAfter", "00:00:00"),
        new("Conversations:RenewHoldEvery", "00:00:00"), // every save (2 s) renews the hold
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = ServerAddress; // on a real port from the start: hanging up must reach the server as it would in production
    }

    /// <summary>A signed-up Free user (100 credits) calling the API with the sign-in cookie, as the chat page does, on the real Kestrel port.</summary>
    public async Task<(Guid UserId, HttpClient Client)> UserAsync() =>
        await ApiUsers.SignUpAsync(this, new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = ServerAddress,
            Timeout = TimeSpan.FromSeconds(60),
        });

    /// <summary>A signed-up user on <paramref name="planId"/> calling with a personal API token, as the CLI and the SDK do, on the real Kestrel port.</summary>
    public async Task<(Guid UserId, HttpClient Client)> TokenUserAsync(string planId = "pro")
    {
        var (userId, client) = await ApiUsers.SignUpWithTokenAsync(this, planId);
        var onKestrel = new HttpClient { BaseAddress = ServerAddress, Timeout = TimeSpan.FromSeconds(60) };
        onKestrel.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        return (userId, onKestrel);
    }

    public async Task<Guid> ConversationAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/conversations", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Moves credits as an admin would (an adjust entry), to set up balances through the ledger.</summary>
    public async Task AdjustAsync(Guid userId, string bucket, long micros)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AdjustCredits(userId, Guid.Empty, bucket, micros, "test set-up"));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>The stored message once it is no longer streaming (up to 30 s: the server notices a hang-up at its next write).</summary>
    public static async Task<JsonElement> FinishedMessageAsync(HttpClient client, Guid conversationId, Guid messageId)
    {
        JsonElement message = default;
        for (var i = 0; i < 300; i++)
        {
            var stored = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}");
            message = stored.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == messageId);
            if (message.GetProperty("status").GetString() != "streaming") break;
            await Task.Delay(100);
        }
        return message;
    }

    public Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) => Database.ScalarAsync(sql, parameters);

    /// <summary>What the ledger charged (positive µcr) under one reference, and the split.</summary>
    public async Task<(long Subscription, long TopUp)> ChargedAsync(string reference) =>
        (-await ScalarAsync("SELECT coalesce(sum(amount_micros), 0) FROM billing.ledger_entries WHERE reference = @r AND kind = 'Charge' AND bucket = 'Subscription'", ("r", reference)),
         -await ScalarAsync("SELECT coalesce(sum(amount_micros), 0) FROM billing.ledger_entries WHERE reference = @r AND kind = 'Charge' AND bucket = 'TopUp'", ("r", reference)));

    public async Task AssertLedgerInvariantAsync() =>
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM billing.credit_accounts a
            WHERE a.subscription_micros <> coalesce((SELECT sum(amount_micros) FROM billing.ledger_entries e WHERE e.user_id = a.user_id AND e.bucket = 'Subscription'), 0)
               OR a.top_up_micros <> coalesce((SELECT sum(amount_micros) FROM billing.ledger_entries e WHERE e.user_id = a.user_id AND e.bucket = 'TopUp'), 0)
            """));
}

/// <summary>A server-sent event as the client sees it.</summary>
public sealed record Sse(string Event, JsonElement Data);

public static class SseReader
{
    /// <summary>Posts a message and reads the whole event stream (or stops after <paramref name="stopAfterDeltas"/> deltas, hanging up).</summary>
    public static async Task<(HttpResponseMessage Response, List<Sse> Events)> SendAsync(HttpClient client, Guid conversationId, string text, string? model = null, int? stopAfterDeltas = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages") { Content = JsonContent.Create(new { text, model }) };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<Sse>();
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream") return (response, events);

        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(new Sse(name!, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                if (stopAfterDeltas is { } n && events.Count(e => e.Event == "delta") >= n)
                {
                    response.Dispose(); // hang up, as a closed tab or the Stop button does
                    return (response, events);
                }
            }
        }
        return (response, events);
    }

    public static string Text(this List<Sse> events) => string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Data.GetProperty("text").GetString()));
}
