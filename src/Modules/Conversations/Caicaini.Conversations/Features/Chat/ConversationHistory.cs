using Caicaini.Conversations.Data;
using Caicaini.Conversations.Domain;
using Caicaini.Models.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Conversations.Features.Chat;

internal static class ConversationHistory
{
    /// <summary>The turns the model sees, oldest first: every question and every answer that delivered text.</summary>
    public static Task<List<ChatTurn>> LoadAsync(ConversationsDbContext db, Guid conversationId, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Content != "" && (m.Status == MessageStatus.Completed || m.Status == MessageStatus.Stopped))
            .OrderBy(m => m.CreatedAt)
            .Select(m => new ChatTurn(m.Role == MessageRole.User ? "user" : "assistant", m.Content))
            .ToListAsync(cancellationToken);
}
