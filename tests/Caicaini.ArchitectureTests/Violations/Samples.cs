// Deliberately broken code. Each namespace breaks one rule of DESIGN.md §3; the tests point the rule
// at it and expect it to be caught. Nothing here is used by the product.
using Caicaini.Help.Data;
using Caicaini.Shared.Messaging;
using Caicaini.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.ArchitectureTests.Violations.Rule1
{
    /// <summary>Opens another module's DbContext instead of asking through its Contracts.</summary>
    internal sealed class ReadsHelpTablesDirectly(HelpDbContext help)
    {
        public int Count() => help.ChangeTracker.Entries().Count();
    }
}

namespace Caicaini.ArchitectureTests.Violations.Rule1Contracts
{
    /// <summary>A contract that leaks EF Core to its callers.</summary>
    public sealed record LeakyContract(DbContext Context);
}

namespace Caicaini.ArchitectureTests.Violations.Rule2
{
    internal sealed class Stray
    {
        public int Id { get; set; }
    }

    /// <summary>Claims schema "billing" but puts a table in "identity" and keeps history in public.</summary>
    internal sealed class WrongSchemaDbContext(DbContextOptions<WrongSchemaDbContext> options) : ModuleDbContext(options, "billing")
    {
        protected override void ConfigureModel(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Stray>().ToTable("strays", "identity");
    }
}

namespace Caicaini.ArchitectureTests.Violations.Rule3
{
    /// <summary>An event outside a .Contracts project, and mutable.</summary>
    public class MutableEvent : IIntegrationEvent
    {
        public Guid UserId { get; set; }
    }

    /// <summary>A consumer without an inbox: a redelivery would apply twice.</summary>
    internal sealed class ForgetfulConsumer : IIntegrationEventHandler<MutableEvent>
    {
        public Task Handle(MutableEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}

namespace Caicaini.ArchitectureTests.Violations.Rule4
{
    public sealed record Ping : IRequest<string>;

    /// <summary>A public, unsealed handler.</summary>
    public class PublicPingHandler : IRequestHandler<Ping, string>
    {
        public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken) => ValueTask.FromResult("pong");
    }

    /// <summary>A public entity.</summary>
    public sealed class PublicEntity
    {
        public int Id { get; set; }
    }
}

namespace Caicaini.ArchitectureTests.Violations.Rule5
{
    /// <summary>A "page" that queries a module's DbContext itself instead of sending one request.</summary>
    internal sealed class PageWithBusinessRules(HelpDbContext help)
    {
        public bool HasPendingEvents() => help.Set<OutboxMessage>().Any(m => m.ProcessedAt == null);
    }
}
