using Caicaini.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Shared.Persistence;

/// <summary>
/// What the outbox, the inbox and the migrator need of a module's DbContext: the schema it owns.
/// Most modules derive from <see cref="ModuleDbContext"/>; one whose DbContext must derive from
/// another base (Identity's) implements this and calls <see cref="ModuleModel.Configure"/>.
/// </summary>
public interface IModuleDbContext
{
    string SchemaName { get; }
}

/// <summary>
/// Base for each module's DbContext: everything lives in the module's own schema, next to its own
/// outbox and inbox tables, so an event is written in the same transaction as the change that caused it.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string schemaName) : DbContext(options), IModuleDbContext
{
    public string SchemaName { get; } = schemaName;

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ModuleModel.Configure(modelBuilder, SchemaName);
        ConfigureModel(modelBuilder);
    }

    /// <summary>The module's own tables.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}

/// <summary>The parts of every module's model that are the same everywhere: its schema, outbox and inbox.</summary>
public static class ModuleModel
{
    public static void Configure(ModelBuilder modelBuilder, string schema)
    {
        modelBuilder.HasDefaultSchema(schema);

        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The dispatcher only ever scans pending rows; keep that index small.
            outbox.HasIndex(m => new { m.NextAttemptAt, m.OccurredAt }).HasFilter("processed_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
        });
    }
}

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an event in this module's outbox. It is written by the next SaveChanges, in that
    /// transaction, and delivered by the dispatcher after commit.
    /// </summary>
    public static void Publish<TContext>(this TContext db, IIntegrationEvent integrationEvent, DateTimeOffset occurredAt)
        where TContext : DbContext, IModuleDbContext =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(occurredAt),
            Type = IntegrationEventSerializer.TypeName(integrationEvent.GetType()),
            Payload = IntegrationEventSerializer.Serialize(integrationEvent),
            OccurredAt = occurredAt,
            NextAttemptAt = occurredAt,
        });
}
