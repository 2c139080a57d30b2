using Caicaini.Conversations.Domain;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Conversations.Data;

internal sealed class ConversationsDbContext(DbContextOptions<ConversationsDbContext> options) : ModuleDbContext(options, Schema)
{
    public const string Schema = "conversations";

    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConversationsDbContext).Assembly);
    }
}
