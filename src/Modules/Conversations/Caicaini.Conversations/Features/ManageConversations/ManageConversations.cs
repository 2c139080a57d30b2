using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Conversations.Features.Chat;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Conversations.Features.ManageConversations;

public sealed record ConversationSummary(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ConversationDetail(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<MessageView> Messages);

/// <summary>What deleting promised: hidden now, gone from the database by <see cref="PurgeBy"/>.</summary>
public sealed record DeletionReceipt(Guid Id, DateTimeOffset DeletedAt, DateTimeOffset PurgeBy);

public sealed record CreateConversation(Guid UserId, string? Title) : ICommand<ConversationSummary>;

public sealed record ListConversations(Guid UserId) : IQuery<IReadOnlyList<ConversationSummary>>;

/// <summary>Another user's conversation, or a deleted one, is simply not found.</summary>
public sealed record GetConversation(Guid UserId, Guid ConversationId) : IQuery<Result<ConversationDetail>>;

public sealed record RenameConversation(Guid UserId, Guid ConversationId, string Title) : ICommand<Result<ConversationSummary>>;

public sealed record DeleteConversation(Guid UserId, Guid ConversationId) : ICommand<Result<DeletionReceipt>>;

internal sealed class TitleRules : AbstractValidator<RenameConversation>
{
    public TitleRules() => RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("A title cannot be empty.")
        .MaximumLength(Conversation.MaxTitleLength).WithMessage($"At most {Conversation.MaxTitleLength} characters.");
}

internal sealed class CreateConversationRules : AbstractValidator<CreateConversation>
{
    public CreateConversationRules() => RuleFor(r => r.Title).MaximumLength(Conversation.MaxTitleLength).WithMessage($"At most {Conversation.MaxTitleLength} characters.");
}

internal sealed class ManageConversationsHandler(ConversationsDbContext db, TimeProvider clock) :
    ICommandHandler<CreateConversation, ConversationSummary>,
    IQueryHandler<ListConversations, IReadOnlyList<ConversationSummary>>,
    IQueryHandler<GetConversation, Result<ConversationDetail>>,
    ICommandHandler<RenameConversation, Result<ConversationSummary>>,
    ICommandHandler<DeleteConversation, Result<DeletionReceipt>>
{
    public async ValueTask<ConversationSummary> Handle(CreateConversation command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now), UserId = command.UserId, CreatedAt = now, UpdatedAt = now,
            Title = string.IsNullOrWhiteSpace(command.Title) ? ConversationDefaults.Title : command.Title.Trim(),
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(conversation);
    }

    public async ValueTask<IReadOnlyList<ConversationSummary>> Handle(ListConversations query, CancellationToken cancellationToken) =>
        await Visible(query.UserId).OrderByDescending(c => c.UpdatedAt).Take(500)
            .Select(c => new ConversationSummary(c.Id, c.Title, c.CreatedAt, c.UpdatedAt)).ToListAsync(cancellationToken);

    public async ValueTask<Result<ConversationDetail>> Handle(GetConversation query, CancellationToken cancellationToken)
    {
        var conversation = await Visible(query.UserId).AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ConversationId, cancellationToken);
        if (conversation is null) return ConversationErrors.NotFound;
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        return new ConversationDetail(conversation.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt, messages.Select(MessageView.From).ToList());
    }

    public async ValueTask<Result<ConversationSummary>> Handle(RenameConversation command, CancellationToken cancellationToken)
    {
        var conversation = await Visible(command.UserId).SingleOrDefaultAsync(c => c.Id == command.ConversationId, cancellationToken);
        if (conversation is null) return ConversationErrors.NotFound;
        conversation.Title = command.Title.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return Summary(conversation);
    }

    public async ValueTask<Result<DeletionReceipt>> Handle(DeleteConversation command, CancellationToken cancellationToken)
    {
        var conversation = await Visible(command.UserId).SingleOrDefaultAsync(c => c.Id == command.ConversationId, cancellationToken);
        if (conversation is null) return ConversationErrors.NotFound;
        conversation.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new DeletionReceipt(conversation.Id, conversation.DeletedAt.Value, conversation.DeletedAt.Value + Conversation.PurgeWithin);
    }

    /// <summary>The only door to conversations: the owner's, not deleted.</summary>
    private IQueryable<Conversation> Visible(Guid userId) => db.Conversations.Where(c => c.UserId == userId && c.DeletedAt == null);

    private static ConversationSummary Summary(Conversation c) => new(c.Id, c.Title, c.CreatedAt, c.UpdatedAt);
}
