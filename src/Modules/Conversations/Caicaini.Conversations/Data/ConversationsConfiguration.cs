using Caicaini.Conversations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caicaini.Conversations.Data;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("conversations");
        conversation.Property(c => c.Title).HasMaxLength(Conversation.MaxTitleLength);
        conversation.HasIndex(c => new { c.UserId, c.UpdatedAt }).HasFilter("deleted_at IS NULL");
        conversation.HasIndex(c => c.DeletedAt).HasFilter("deleted_at IS NOT NULL"); // the purge job's work list
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.RequestedModel).HasMaxLength(60);
        message.Property(m => m.ModelUsed).HasMaxLength(60);
        message.Property(m => m.RouterReason).HasMaxLength(300);
        message.Property(m => m.Note).HasMaxLength(300);
        message.Property(m => m.UsageSource).HasMaxLength(20);
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        message.HasIndex(m => new { m.UserId, m.CreatedAt }); // the usage page
        // One reply at a time per conversation: a second send while one streams is refused by the database.
        message.HasIndex(m => m.ConversationId).IsUnique().HasFilter("status = 'Streaming'").HasDatabaseName("ix_messages_one_streaming_per_conversation");
    }
}
