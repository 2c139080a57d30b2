using Caicaini.Billing.Contracts;
using Caicaini.Models.Contracts;
using Mediator;

namespace Caicaini.Conversations.Features.Chat;

internal static class DeliveredText
{
    /// <summary>
    /// Closes the hold of an answer that ended early (Stop, hang-up, a dead process): the text that reached the
    /// user is priced (estimated with the tokenizer) and charged, or the hold is released when none did.
    /// Settlement is null when nothing was charged (released, or Billing refused; the caller logs).
    /// </summary>
    public static async Task<(TokenUsage Usage, Settlement? Settlement, string? Failure)> ChargeAsync(
        ISender sender, Guid holdId, string modelId, int inputTokens, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            var released = await sender.Send(new ReleaseHold(holdId), cancellationToken);
            return (TokenUsage.Estimated(inputTokens, 0), null, released.IsSuccess ? null : released.Error!.Code);
        }
        var priced = await sender.Send(new PriceDeliveredText(modelId, inputTokens, text), cancellationToken);
        if (!priced.IsSuccess) return (TokenUsage.Estimated(inputTokens, 0), null, priced.Error!.Code);
        var settled = await sender.Send(new SettleHold(holdId, priced.Value.Cost), cancellationToken);
        return settled.IsSuccess ? (priced.Value.Usage, settled.Value, null) : (priced.Value.Usage, null, settled.Error!.Code);
    }
}
