using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Models.Contracts;
using Caicaini.Models.Domain;
using Caicaini.Models.Features.EditModel;
using Caicaini.Shared.Results;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caicaini.Models.Tests;

/// <summary>No provider keys (as <c>scripts/run</c> starts): every model is the Simulator. An admin is seeded for the price page.</summary>
public sealed class OfflineApp : CaicainiAppFactory
{
    public const string Email = "pricing@caicaini.test";
    public const string Password = "a pricing admin's passphrase";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Models:Providers:Simulator:TokenDelay", "00:00:00"),
        new("Admin:Email", Email), new("Admin:Password", Password), new("Admin:Username", "pricing"),
    ];
}

public sealed class SimulatorAndCatalogTests(OfflineApp app) : IClassFixture<OfflineApp>
{
    [Fact]
    public async Task The_public_catalog_lists_the_five_models_with_prices_all_simulated_without_keys()
    {
        var response = await app.CreateClient().GetAsync("/api/models");
        var models = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["caicaini/auto", "caicaini/opus", "caicaini/sonnet", "caicaini/haiku", "caicaini/kimi"], models.Select(m => m.GetProperty("id").GetString()));
        var priced = models.Where(m => !m.GetProperty("isRouter").GetBoolean()).ToList();
        Assert.All(priced, m => Assert.True(m.GetProperty("outputMicrosPerMTok").GetInt64() > m.GetProperty("inputMicrosPerMTok").GetInt64()));
        Assert.All(priced, m => Assert.True(m.GetProperty("simulated").GetBoolean()));
        var output = priced.ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("outputMicrosPerMTok").GetInt64());
        Assert.True(output["caicaini/opus"] > output["caicaini/sonnet"] && output["caicaini/sonnet"] > output["caicaini/haiku"]);
        var page = await app.CreateClient().GetStringAsync("/models");
        Assert.Contains("Which model should I use?", page);
    }

    [Fact]
    public async Task The_simulator_streams_readable_text_and_reports_real_token_counts()
    {
        var messages = new List<ChatTurn> { new("user", "What is the capital of France?") };

        var (text, end) = await StreamAsync(new StreamCompletion("caicaini/haiku", messages, 500, false));

        var finished = Assert.IsType<CompletionFinished>(end);
        Assert.StartsWith("The capital of France is Paris.", text);
        Assert.Equal(UsageSource.Reported, finished.Usage.Source);
        Assert.Equal(Tokens.Count(text), finished.Usage.OutputTokens);
        Assert.Equal(Tokens.Count(messages), finished.Usage.InputTokens);
        Assert.Equal(Data.CatalogSeed.Models.Single(m => m.Id == "caicaini/haiku").Price.CostOf(finished.Usage), finished.Cost);
    }

    [Fact]
    public async Task The_simulator_stops_at_the_maximum_output_and_fails_where_it_is_told_to()
    {
        var (longText, longEnd) = await StreamAsync(new StreamCompletion("caicaini/sonnet", [new("user", "Tell me everything [simulate:long]")], 40, false));
        var (_, before) = await StreamAsync(new StreamCompletion("caicaini/sonnet", [new("user", "Hello [simulate:fail-before]")], 400, false));
        var (partial, after) = await StreamAsync(new StreamCompletion("caicaini/sonnet", [new("user", "Explain tides in detail [simulate:fail-after:12]")], 400, false));

        Assert.True(((CompletionFinished)longEnd).Usage.OutputTokens <= 40);
        Assert.True(Tokens.Count(longText) <= 40);
        Assert.False(Assert.IsType<CompletionFailed>(before).AnyOutput);
        var failed = Assert.IsType<CompletionFailed>(after);
        Assert.True(failed.AnyOutput);
        Assert.Equal(Tokens.Count(partial), failed.Usage.OutputTokens);
        Assert.Equal(UsageSource.Estimated, failed.Usage.Source);
    }

    [Fact]
    public async Task Resolving_routes_auto_checks_the_model_and_fits_the_history_into_the_window()
    {
        var routed = (await SendAsync(new ResolveModel(null, "Who wrote Hamlet?", []))).Value;
        var explicitOpus = (await SendAsync(new ResolveModel("caicaini/opus", "Who wrote Hamlet?", []))).Value;
        var unknown = await SendAsync(new ResolveModel("gpt-9", "hi", []));
        var tooLong = await SendAsync(new ResolveModel("caicaini/haiku", string.Concat(Enumerable.Repeat("lorem ipsum ", 200_000)), []));
        var bigTurn = string.Concat(Enumerable.Repeat("history words ", 30_000)); // ~60k tokens each
        var history = Enumerable.Range(0, 4).Select(i => new ChatTurn(i % 2 == 0 ? "user" : "assistant", $"turn {i} " + bigTurn)).ToList();
        var fitted = (await SendAsync(new ResolveModel("caicaini/sonnet", "Go on", history))).Value;

        Assert.Equal(("caicaini/auto", "caicaini/haiku"), (routed.RequestedModelId, routed.ModelId));
        Assert.StartsWith("Short factual question", routed.Reason);
        Assert.Equal(["caicaini/opus", "caicaini/sonnet"], routed.Comparison.Keys.Order());
        Assert.Null(explicitOpus.Reason);
        Assert.Equal("unknown-model", unknown.Error!.Code);
        Assert.Contains("caicaini/auto, caicaini/opus, caicaini/sonnet, caicaini/haiku, caicaini/kimi", unknown.Error.Message);
        Assert.Equal((ErrorKind.Validation, "prompt-too-long"), (tooLong.Error!.Kind, tooLong.Error.Code));
        Assert.Equal(history[1..], fitted.History); // the oldest turn is dropped first
        Assert.True(fitted.InputTokens <= fitted.ContextWindow - fitted.MaxOutputTokens);
    }

    [Fact]
    public async Task An_admin_edits_prices_and_switches_a_model_off_audited_and_bad_prices_are_refused()
    {
        var admin = app.CreateFormClient();
        await admin.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = OfflineApp.Email, ["Input.Password"] = OfflineApp.Password });
        var fields = new Dictionary<string, string>
        {
            ["Edit.ModelId"] = "caicaini/kimi", ["Edit.Enabled"] = "false", ["Edit.Input"] = "70", ["Edit.Output"] = "280", ["Edit.CacheRead"] = "15", ["Edit.CacheWrite"] = "70",
        };

        var refused = await admin.SubmitAndReadAsync("/admin/models", new Dictionary<string, string>(fields) { ["Edit.Output"] = "-5" });
        var saved = await admin.SubmitAsync("/admin/models", fields);
        var listed = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/models");
        var chinese = (await SendAsync(new ResolveModel(null, "法国的首都是哪里？", []))).Value;
        var kimi = await SendAsync(new ResolveModel("caicaini/kimi", "hi", []));
        await SendAsync(new EditModel("caicaini/kimi", Guid.NewGuid(), true, 60_000_000, 250_000_000, 15_000_000, 60_000_000));

        Assert.Contains("cannot be negative", refused);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain(listed.EnumerateArray(), m => m.GetProperty("id").GetString() == "caicaini/kimi");
        Assert.Equal("caicaini/haiku", chinese.ModelId); // kimi is off: the next model of the same tier
        Assert.Equal("unknown-model", kimi.Error!.Code);
        Assert.Contains("disabled; input 60000000 → 70000000; output 250000000 → 280000000; cache write 60000000 → 70000000", await AuditAsync("caicaini/kimi"));
    }

    private TokenCounter Tokens => app.Services.GetRequiredService<TokenCounter>();

    private async Task<IReadOnlyList<string>> AuditAsync(string modelId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT change FROM models.catalog_audit WHERE model_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", modelId);
        var changes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) changes.Add(reader.GetString(0));
        return changes;
    }

    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private Task<(string Text, CompletionEvent End)> StreamAsync(StreamCompletion request) => Completions.StreamAsync(app, request);
}
