using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text;
using Caicaini.Models.Contracts;
using Caicaini.Models.Data;
using Caicaini.Models.Domain;
using Caicaini.Models.Providers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caicaini.Models.Features.StreamCompletion;

/// <summary>
/// Streams one reply: text deltas as they arrive, then a single closing event with the usage (reported, or
/// estimated from the delivered text when the provider sent none) and its cost. A provider failing before
/// any output is retried on the next model of the same or a higher tier when the caller allows it (auto).
/// </summary>
internal sealed class StreamCompletionHandler(
    ModelsDbContext db, ChatClientFactory clients, TokenCounter tokens, IOptions<ProviderOptions> options,
    ILogger<StreamCompletionHandler> logger)
    : IStreamRequestHandler<Contracts.StreamCompletion, CompletionEvent>
{
    public async IAsyncEnumerable<CompletionEvent> Handle(Contracts.StreamCompletion request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var catalog = (await db.Catalog.AsNoTracking().Where(m => m.Enabled && m.Provider != CatalogModel.RouterProvider).ToListAsync(cancellationToken))
            .OrderBy(m => m.Tier).ThenBy(m => m.Position).ToList(); // tiers are stored as names: order them here
        var first = catalog.FirstOrDefault(m => m.Id == request.ModelId)
                    ?? throw new InvalidOperationException($"{request.ModelId} is not an enabled concrete model; resolve it first.");
        var candidates = request.FallBackOnFailure
            ? [first, .. catalog.Where(m => m.Id != first.Id && m.Tier >= first.Tier)]
            : new List<CatalogModel> { first };

        var inputTokens = tokens.Count(request.Messages);
        var messages = request.Messages
            .Select(t => new ChatMessage(t.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, t.Text)).ToList();
        string? fallbackNote = null;

        for (var i = 0; i < candidates.Count; i++)
        {
            var model = candidates[i];
            var served = clients.For(model);
            var chatOptions = new ChatOptions { MaxOutputTokens = Math.Min(request.MaxOutputTokens, model.MaxOutputTokens) };
            var delivered = new StringBuilder();
            var usage = new UsageReader();
            Exception? failure = null;

            // The SDKs' timeouts do not cover silence inside a stream: a watchdog cancels when nothing arrives for a while.
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(options.Value.IdleTimeout);
            await using (var stream = served.Client.GetStreamingResponseAsync(messages, chatOptions, idle.Token).GetAsyncEnumerator(idle.Token))
            {
                while (true)
                {
                    try
                    {
                        if (!await stream.MoveNextAsync()) break;
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = exception;
                        break;
                    }
                    idle.CancelAfter(options.Value.IdleTimeout);
                    usage.Observe(stream.Current);
                    var text = stream.Current.Text;
                    if (string.IsNullOrEmpty(text)) continue;
                    delivered.Append(text);
                    yield return new TextDelta(text);
                }
            }

            if (failure is null)
            {
                var final = usage.Reported ?? TokenUsage.Estimated(inputTokens, tokens.Count(delivered.ToString()));
                yield return new CompletionFinished(model.Id, final, model.Price.CostOf(final), fallbackNote);
                yield break;
            }

            var kind = Classify(failure);
            // The provider's own words go to the log only: they can carry request ids, keys' prefixes or internals.
            logger.LogWarning(failure, "{Model} via {Provider} failed after {Chars} characters ({Kind})", model.Id, served.Simulated ? "simulator" : model.Provider, delivered.Length, kind);
            if (delivered.Length == 0 && i + 1 < candidates.Count)
            {
                fallbackNote = $"{model.DisplayName} was unavailable, so {candidates[i + 1].DisplayName} answered instead.";
                yield return new ModelSwitched(candidates[i + 1].Id, fallbackNote);
                continue;
            }

            var partial = TokenUsage.Estimated(inputTokens, tokens.Count(delivered.ToString()));
            yield return new CompletionFailed(kind,
                kind == ProviderFailureKind.Overloaded
                    ? $"{model.DisplayName} is busy right now. Try again in a minute or pick another model."
                    : $"{model.DisplayName} is unavailable right now. Try again or pick another model.",
                model.Id, partial, delivered.Length == 0 ? Shared.Money.Credits.Zero : model.Price.CostOf(partial), delivered.Length > 0);
            yield break;
        }
    }

    private static ProviderFailureKind Classify(Exception exception) => StatusOf(exception) is 429 or 503 or 529
        ? ProviderFailureKind.Overloaded
        : ProviderFailureKind.Unavailable;

    private static int? StatusOf(Exception exception) => exception switch
    {
        ClientResultException openAi => openAi.Status,
        Anthropic.Exceptions.AnthropicApiException anthropic => (int)anthropic.StatusCode,
        HttpRequestException http => (int?)http.StatusCode,
        _ => exception.InnerException is { } inner ? StatusOf(inner) : null,
    };
}
