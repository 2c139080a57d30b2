using Caicaini.Conversations.Data;
using Caicaini.Models.Contracts;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Conversations.Features.Chat;

/// <summary>
/// The live estimate under the input box: which model would answer (auto's pick and why), the input tokens
/// (with the conversation's history), and the cost range from "a short answer" to the longest allowed one.
/// </summary>
public sealed record EstimateMessage(Guid UserId, string? Model, string Text, Guid? ConversationId) : IQuery<Result<MessageEstimate>>;

/// <param name="TypicalMicros">Cost with a 500-token answer, the usual length.</param>
public sealed record MessageEstimate(string ModelId, string? Reason, int InputTokens, long MinMicros, long TypicalMicros, long MaxMicros);

internal sealed class EstimateMessageHandler(ConversationsDbContext db, ISender sender) : IQueryHandler<EstimateMessage, Result<MessageEstimate>>
{
    public async ValueTask<Result<MessageEstimate>> Handle(EstimateMessage query, CancellationToken cancellationToken)
    {
        var history = new List<ChatTurn>();
        if (query.ConversationId is { } id)
        {
            if (!await db.Conversations.AnyAsync(c => c.Id == id && c.UserId == query.UserId && c.DeletedAt == null, cancellationToken))
                return ConversationErrors.NotFound;
            history = await ConversationHistory.LoadAsync(db, id, cancellationToken);
        }
        var resolved = await sender.Send(new ResolveModel(query.Model, query.Text ?? "", history), cancellationToken);
        if (!resolved.IsSuccess) return resolved.Error!;
        var model = resolved.Value;
        return new MessageEstimate(model.ModelId, model.Reason, model.InputTokens,
            model.Price.WorstCase(model.InputTokens, 1).Micros,
            model.Price.WorstCase(model.InputTokens, Math.Min(500, model.MaxOutputTokens)).Micros,
            model.Price.WorstCase(model.InputTokens, model.MaxOutputTokens).Micros);
    }
}
