using Caicaini.Billing.Contracts;
using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Models.Contracts;
using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Caicaini.Conversations.Features.Chat;

/// <summary>
/// Everything before the first token (DESIGN.md §4 steps 1–2): the conversation is the user's, the model is
/// resolved (auto routed), the worst case is held — capped to what the balance covers, or refused with 402
/// when not even a short answer is — and the user's message and the streaming reply are stored. Any failure
/// here changes nothing and is a 4xx.
/// </summary>
public sealed record StartReply(Guid UserId, Guid ConversationId, string Text, string? Model) : ICommand<Result<ReplyContext>>;

/// <summary>What <see cref="StreamReply"/> needs to carry on (returned to the Host, passed straight back).</summary>
public sealed record ReplyContext(
    Guid ConversationId, Guid UserMessageId, Guid AssistantMessageId, Guid HoldId,
    string RequestedModel, string ModelId, string? RouterReason, int InputTokens, int MaxOutputTokens,
    IReadOnlyList<ChatTurn> Messages, IReadOnlyDictionary<string, ModelPrice> Comparison);

internal sealed class StartReplyValidator : AbstractValidator<StartReply>
{
    public const int MaxLength = 100_000;

    public StartReplyValidator() =>
        RuleFor(s => s.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write a message first.")
            .MaximumLength(MaxLength).WithMessage($"A message can be at most {MaxLength:N0} characters; split it or attach less.");
}

internal sealed class StartReplyHandler(ConversationsDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<StartReply, Result<ReplyContext>>
{
    /// <summary>Below this many affordable output tokens an answer is not worth starting: 402 instead.</summary>
    public const int MinUsefulOutputTokens = 50;

    public async ValueTask<Result<ReplyContext>> Handle(StartReply command, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(
            c => c.Id == command.ConversationId && c.UserId == command.UserId && c.DeletedAt == null, cancellationToken);
        if (conversation is null) return ConversationErrors.NotFound;

        var text = command.Text.Trim();
        var history = await ConversationHistory.LoadAsync(db, conversation.Id, cancellationToken);
        var resolved = await sender.Send(new ResolveModel(command.Model, text, history), cancellationToken);
        if (!resolved.IsSuccess) return resolved.Error!;
        var model = resolved.Value;

        var now = clock.GetUtcNow();
        var userMessage = new Message
        {
            Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, UserId = command.UserId, Role = MessageRole.User,
            Content = text, Status = MessageStatus.Completed, CreatedAt = now, CompletedAt = now,
        };
        // PostgreSQL keeps microseconds: one later is enough for the reply to sort after its question.
        var reply = new Message
        {
            Id = Guid.CreateVersion7(now.AddMilliseconds(1)), ConversationId = conversation.Id, UserId = command.UserId, Role = MessageRole.Assistant,
            Status = MessageStatus.Streaming, CreatedAt = now.AddMicroseconds(1), RequestedModel = model.RequestedModelId, ModelUsed = model.ModelId,
            RouterReason = model.Reason, InputTokens = model.InputTokens,
        };
        if (history.Count == 0 && conversation.Title == ConversationDefaults.Title) conversation.Title = Conversation.TitleFrom(text);
        conversation.UpdatedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Messages.AddRange(userMessage, reply);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Error.Conflict("reply-in-progress", "The previous answer in this conversation is still being written. Wait for it or stop it first.");
        }

        var maxOutput = model.MaxOutputTokens;
        var reference = BillingReferences.For(reply.Id);
        var reservation = await sender.Send(new ReserveCredits(command.UserId, model.Price.WorstCase(model.InputTokens, maxOutput), reference), cancellationToken);
        if (!reservation.IsSuccess) return reservation.Error!;
        if (!reservation.Value.Reserved)
        {
            // Not enough for the longest answer: cap the answer to what the balance pays for, if that is still useful.
            maxOutput = Math.Min(maxOutput, model.Price.AffordableOutputTokens(reservation.Value.Available, model.InputTokens));
            if (maxOutput >= MinUsefulOutputTokens)
                reservation = await sender.Send(new ReserveCredits(command.UserId, model.Price.WorstCase(model.InputTokens, maxOutput), reference), cancellationToken);
            if (maxOutput < MinUsefulOutputTokens || !reservation.IsSuccess || !reservation.Value.Reserved)
                return NotEnoughCredits(model, reservation.IsSuccess ? reservation.Value.Available : Credits.Zero);
        }

        reply.HoldId = reservation.Value.HoldId;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new ReplyContext(conversation.Id, userMessage.Id, reply.Id, reservation.Value.HoldId!.Value, model.RequestedModelId, model.ModelId,
            model.Reason, model.InputTokens, maxOutput, [.. model.History, new ChatTurn("user", text)], model.Comparison);
    }

    private static Error NotEnoughCredits(ResolvedModel model, Credits available)
    {
        var needed = model.Price.WorstCase(model.InputTokens, MinUsefulOutputTokens);
        return new Error("insufficient-credits",
            $"A short answer from {model.DisplayName} needs about {needed.ToDisplayString()} credits; you have {available.ToDisplayString()}. Top up or choose a cheaper model.",
            ErrorKind.PaymentRequired,
            Extensions: new Dictionary<string, object?> { ["availableMicros"] = available.Micros, ["neededMicros"] = needed.Micros, ["model"] = model.ModelId });
    }
}

internal static class ConversationErrors
{
    public static readonly Error NotFound = Error.NotFound("conversation-not-found", "There is no such conversation.");
}

internal static class ConversationDefaults
{
    public const string Title = "New conversation";
}
