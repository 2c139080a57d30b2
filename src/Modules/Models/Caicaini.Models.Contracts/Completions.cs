using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using Mediator;

namespace Caicaini.Models.Contracts;

public static class ModelIds
{
    /// <summary>The default: the router picks a concrete model per message.</summary>
    public const string Auto = "caicaini/auto";
}

/// <summary>One turn of a conversation as the model sees it. <see cref="Role"/> is "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Text);

/// <summary>
/// Picks the model for a message: a concrete id is checked (known, enabled); <c>caicaini/auto</c> is routed.
/// Also counts the input and drops the oldest history turns that do not fit the context window.
/// Unknown/disabled model → 422 naming the valid ids; a prompt that alone exceeds the window → 422 with the limit.
/// </summary>
public sealed record ResolveModel(string? RequestedModelId, string Prompt, IReadOnlyList<ChatTurn> History) : IQuery<Result<ResolvedModel>>;

/// <param name="Reason">For auto: one line saying why this model (null for an explicit choice).</param>
/// <param name="InputTokens">Prompt plus the history that fits, counted with our tokenizer.</param>
/// <param name="Comparison">Prices of the models auto compares against (sonnet, opus), to show the saving.</param>
public sealed record ResolvedModel(
    string RequestedModelId, string ModelId, string DisplayName, string? Reason,
    ModelPrice Price, int ContextWindow, int MaxOutputTokens, int InputTokens,
    IReadOnlyList<ChatTurn> History, IReadOnlyDictionary<string, ModelPrice> Comparison);

/// <summary>
/// Streams a reply from the model's provider (or the Simulator when its provider has no key): text deltas,
/// then exactly one <see cref="CompletionFinished"/> or <see cref="CompletionFailed"/>. With
/// <paramref name="FallBackOnFailure"/> (auto), a provider failing before any output is replaced by the next
/// model of the same or a higher tier, announced by <see cref="ModelSwitched"/>. Cancelling the enumeration cancels the upstream request.
/// </summary>
public sealed record StreamCompletion(string ModelId, IReadOnlyList<ChatTurn> Messages, int MaxOutputTokens, bool FallBackOnFailure)
    : IStreamRequest<CompletionEvent>;

public abstract record CompletionEvent;

public sealed record TextDelta(string Text) : CompletionEvent;

/// <summary>
/// Auto fell back: the model that was asked failed before any output and <paramref name="ModelId"/> answers
/// from here on. Sent before its first delta, so a caller cut off later prices the text at this model's rates.
/// </summary>
public sealed record ModelSwitched(string ModelId, string Note) : CompletionEvent;

/// <param name="FallbackNote">Set when auto had to switch models: which failed and what answered.</param>
public sealed record CompletionFinished(string ModelId, TokenUsage Usage, Credits Cost, string? FallbackNote) : CompletionEvent;

public enum ProviderFailureKind
{
    /// <summary>The provider is down, erroring or unreachable (→ 502).</summary>
    Unavailable,
    /// <summary>The provider is rate limiting or overloaded (→ 503, try later).</summary>
    Overloaded,
}

/// <summary>
/// The provider failed. <see cref="Usage"/>/<see cref="Cost"/> cover what was delivered before the failure
/// (estimated), so the caller charges only that. <see cref="Message"/> is safe to show; the provider's own
/// message is logged, never passed on.
/// </summary>
public sealed record CompletionFailed(ProviderFailureKind Kind, string Message, string ModelId, TokenUsage Usage, Credits Cost, bool AnyOutput) : CompletionEvent;

/// <summary>Usage and cost for a reply cut short by the caller (Stop, disconnect): output counted from the delivered text.</summary>
public sealed record PriceDeliveredText(string ModelId, int InputTokens, string DeliveredText) : IQuery<Result<PricedUsage>>;

public sealed record PricedUsage(TokenUsage Usage, Credits Cost);
