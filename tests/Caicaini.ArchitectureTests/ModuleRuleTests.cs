using System.Reflection;
using Caicaini.ArchitectureTests.Violations.Rule2;
using Caicaini.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.ArchitectureTests;

public sealed class ModuleRuleTests
{
    private static readonly Assembly Samples = typeof(ModuleRuleTests).Assembly;
    private const string Violations = "Caicaini.ArchitectureTests.Violations";

    public static TheoryData<string> ModuleNames => new(Codebase.Modules.Select(m => m.Name));

    [Fact]
    public void All_six_modules_are_found() =>
        Assert.Equal(["Billing", "Conversations", "Help", "Identity", "Models", "Payments"], Codebase.Modules.Select(m => m.Name));

    // Rule 1: modules meet only through .Contracts -------------------------------------------------

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Rule1_a_module_uses_no_other_modules_implementation(string module)
    {
        var own = Codebase.Modules.Single(m => m.Name == module);
        Assert.Empty(ModuleRules.UsesOfOtherModulesImplementation(own.Implementation, module, Codebase.Modules));
        Assert.Empty(ModuleRules.UsesOfOtherModulesImplementation(own.Contracts, module, Codebase.Modules));
        Assert.Empty(ModuleRules.FrameworkUseInContracts(own.Contracts));
    }

    [Fact]
    public void Rule1_module_projects_reference_only_shared_and_contracts()
    {
        var violations = Codebase.ModuleProjectFiles
            .SelectMany(file => ModuleRules.ForbiddenProjectReferences(file, File.ReadAllText(file)));
        Assert.Empty(violations);
    }

    [Fact]
    public void Rule1_shared_uses_no_module() =>
        Assert.Empty(ModuleRules.UsesOfAnyModule(Codebase.Shared, Codebase.Modules));

    [Fact]
    public void Rule1_can_fail()
    {
        Assert.Contains($"{Violations}.Rule1.ReadsHelpTablesDirectly",
            ModuleRules.UsesOfOtherModulesImplementation(Samples, "Billing", Codebase.Modules, $"{Violations}.Rule1"));
        Assert.Contains($"{Violations}.Rule1Contracts.LeakyContract",
            ModuleRules.FrameworkUseInContracts(Samples, $"{Violations}.Rule1Contracts"));
        Assert.Contains($"{Violations}.Rule1.ReadsHelpTablesDirectly",
            ModuleRules.UsesOfAnyModule(Samples, Codebase.Modules, $"{Violations}.Rule1"));
        Assert.Equal(["Caicaini.Billing -> Caicaini.Identity"], ModuleRules.ForbiddenProjectReferences(
            "src/Modules/Billing/Caicaini.Billing/Caicaini.Billing.csproj",
            """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup>
              <ProjectReference Include="../Caicaini.Billing.Contracts/Caicaini.Billing.Contracts.csproj" />
              <ProjectReference Include="../../Identity/Caicaini.Identity.Contracts/Caicaini.Identity.Contracts.csproj" />
              <ProjectReference Include="../../Identity/Caicaini.Identity/Caicaini.Identity.csproj" />
              <ProjectReference Include="../../../Shared/Caicaini.Shared/Caicaini.Shared.csproj" />
            </ItemGroup></Project>
            """));
    }

    // Rule 2: each module owns its schema and its migrations history -------------------------------

    [Fact]
    public void Rule2_every_module_dbcontext_stays_in_its_schema()
    {
        using var services = AllModuleServices();
        var databases = services.GetServices<ModuleDatabase>().ToList();
        Assert.Equal(Codebase.Modules.Count, databases.Count);
        foreach (var module in Codebase.Modules)
        {
            var database = Assert.Single(databases, d => d.ContextType.Assembly == module.Implementation);
            Assert.Equal(module.Schema, database.Schema);
            using var scope = services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            Assert.Empty(ModuleRules.SchemaViolations(context, module.Schema));
        }
    }

    [Fact]
    public void Rule2_can_fail()
    {
        var options = new DbContextOptionsBuilder<WrongSchemaDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=unused") // history table left in "public"
            .Options;
        using var context = new WrongSchemaDbContext(options);

        var violations = ModuleRules.SchemaViolations(context, "billing");

        Assert.Contains(violations, v => v.Contains("strays is in schema 'identity'"));
        Assert.Contains(violations, v => v.Contains("migrations history is in schema 'public'"));
    }

    // Rule 3: events live in Contracts, are immutable, and are consumed through an inbox -----------

    [Fact]
    public void Rule3_events_and_consumers_follow_the_outbox_and_inbox_rules()
    {
        var types = Codebase.Modules.SelectMany(m => m.Implementation.GetTypes().Concat(m.Contracts.GetTypes())).ToList();
        Assert.Empty(ModuleRules.IntegrationEventViolations(types));
        Assert.Empty(ModuleRules.NonIdempotentConsumers(types));
    }

    [Fact]
    public void Rule3_can_fail()
    {
        var samples = SampleTypes("Rule3");

        var eventViolations = ModuleRules.IntegrationEventViolations(samples);
        Assert.Contains(eventViolations, v => v.Contains("belong in a .Contracts project"));
        Assert.Contains(eventViolations, v => v.Contains("MutableEvent.UserId: integration events are immutable"));
        Assert.Contains(eventViolations, v => v.Contains("are sealed records"));
        Assert.Contains(ModuleRules.NonIdempotentConsumers(samples), v => v.Contains("ForgetfulConsumer"));
    }

    // Rule 4: internal sealed by default -------------------------------------------------------------

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Rule4_only_the_entry_slices_and_migrations_are_public(string module)
    {
        var own = Codebase.Modules.Single(m => m.Name == module);
        Assert.Empty(ModuleRules.VisibilityViolations(own.Implementation.GetTypes(), module));
    }

    [Fact]
    public void Rule4_can_fail()
    {
        var violations = ModuleRules.VisibilityViolations(SampleTypes("Rule4").Concat(SampleTypes("Rule2")), "Samples");

        Assert.Contains(violations, v => v.Contains("PublicPingHandler: handlers are internal sealed"));
        Assert.Contains(violations, v => v.Contains("PublicEntity: only the module entry"));
        Assert.Contains(violations, v => v.Contains("Ping: only the module entry")); // a request outside Features
        Assert.DoesNotContain(violations, v => v.Contains("WrongSchemaDbContext")); // internal sealed is fine
    }

    // Rule 5: the Host binds, sends one request, renders -------------------------------------------

    [Fact]
    public void Rule5_the_host_does_not_reach_into_module_internals() =>
        Assert.Empty(ModuleRules.HostReachingIntoModules(Codebase.Host, Codebase.Modules));

    [Fact]
    public void Rule5_can_fail() =>
        Assert.Contains($"{Violations}.Rule5.PageWithBusinessRules",
            ModuleRules.HostReachingIntoModules(Samples, Codebase.Modules, $"{Violations}.Rule5"));

    private static IEnumerable<Type> SampleTypes(string rule) =>
        Samples.GetTypes().Where(t => t.Namespace == $"{Violations}.{rule}");

    /// <summary>Every module registered as the Host does, without starting anything or touching a database.</summary>
    private static ServiceProvider AllModuleServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Caicaini"] = "Host=127.0.0.1;Database=unused",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        foreach (var module in Codebase.Modules)
        {
            var entry = module.Implementation.GetType($"Caicaini.{module.Name}.{module.Name}Module", throwOnError: true)!;
            entry.GetMethod($"Add{module.Name}")!.Invoke(null, [services, configuration]);
        }
        return services.BuildServiceProvider();
    }
}
