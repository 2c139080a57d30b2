using System.Reflection;
using System.Xml.Linq;
using Caicaini.Shared.Messaging;
using Caicaini.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NetArchTest.Rules;

namespace Caicaini.ArchitectureTests;

/// <summary>
/// DESIGN.md §3 as functions that return violations. The tests run each on the real code (no
/// violations) and on deliberately broken samples (violations found), so no rule passes vacuously.
/// </summary>
public static class ModuleRules
{
    // Rule 1 -------------------------------------------------------------------------------------

    /// <summary>
    /// Types of <paramref name="subject"/> (optionally only under a namespace) that use a type of another
    /// module's implementation assembly. Built from full type names, because a namespace prefix such as
    /// "Caicaini.Billing" would also forbid "Caicaini.Billing.Contracts".
    /// </summary>
    public static IReadOnlyList<string> UsesOfOtherModulesImplementation(
        Assembly subject, string ownModule, IEnumerable<ModuleAssemblies> modules, string? onlyNamespace = null)
    {
        var forbidden = modules
            .Where(m => m.Name != ownModule)
            .SelectMany(m => m.Implementation.GetTypes())
            .Select(t => t.FullName!)
            .Where(name => !name.StartsWith('<'))
            .ToArray();
        return Failing(Select(subject, onlyNamespace).ShouldNot().HaveDependencyOnAny(forbidden));
    }

    /// <summary>Project references from a module's project file that are neither Shared nor a .Contracts project.</summary>
    public static IReadOnlyList<string> ForbiddenProjectReferences(string projectFile, string projectXml)
    {
        var own = Path.GetFileNameWithoutExtension(projectFile);
        return XDocument.Parse(projectXml).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(referenced => referenced != "Caicaini.Shared"
                                 && !referenced.EndsWith(".Contracts", StringComparison.Ordinal)
                                 && !(own + ".Contracts" == referenced))
            .Select(referenced => $"{own} -> {referenced}")
            .ToList();
    }

    // Rule 2 -------------------------------------------------------------------------------------

    /// <summary>Tables outside the module's schema, or a migrations history kept elsewhere.</summary>
    public static IReadOnlyList<string> SchemaViolations(DbContext context, string schema)
    {
        var violations = new List<string>();
        if (context.Model.GetDefaultSchema() != schema)
            violations.Add($"{context.GetType().Name}: default schema is '{context.Model.GetDefaultSchema()}', not '{schema}'");
        foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            if (entity.GetSchema() != schema)
                violations.Add($"{context.GetType().Name}: {entity.GetTableName()} is in schema '{entity.GetSchema()}'");
        var npgsql = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        if (npgsql.MigrationsHistoryTableSchema != schema)
            violations.Add($"{context.GetType().Name}: migrations history is in schema '{npgsql.MigrationsHistoryTableSchema ?? "public"}'");
        return violations;
    }

    // Rule 3 -------------------------------------------------------------------------------------

    /// <summary>Integration events declared outside a .Contracts assembly, or that can change after creation.</summary>
    public static IReadOnlyList<string> IntegrationEventViolations(IEnumerable<Type> types)
    {
        var violations = new List<string>();
        foreach (var type in types.Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && t is { IsInterface: false }))
        {
            if (!type.Assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
                violations.Add($"{type.FullName}: integration events belong in a .Contracts project");
            // BeImmutable() is wrong for records, so look for public setters that are not init-only.
            var mutable = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
            violations.AddRange(mutable.Select(p => $"{type.FullName}.{p.Name}: integration events are immutable"));
            if (!type.IsSealed)
                violations.Add($"{type.FullName}: integration events are sealed records");
        }
        return violations;
    }

    /// <summary>Consumers that do not record the event id in their own inbox (and so are not idempotent).</summary>
    public static IReadOnlyList<string> NonIdempotentConsumers(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false }
                         && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                         && !DerivesFromGeneric(t, typeof(InboxConsumer<,>)))
            .Select(t => $"{t.FullName}: consumers derive from InboxConsumer<TEvent, TContext>")
            .ToList();

    // Rule 4 -------------------------------------------------------------------------------------

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(ICommandHandler<,>), typeof(ICommandHandler<>),
        typeof(IQueryHandler<,>), typeof(INotificationHandler<>), typeof(IStreamRequestHandler<,>),
        typeof(IStreamQueryHandler<,>), typeof(IStreamCommandHandler<,>),
    ];

    /// <summary>
    /// In a module, the public types are only the entry class, slice request/result records under
    /// Features, and EF's generated migrations; handlers and DbContexts are internal sealed.
    /// </summary>
    public static IReadOnlyList<string> VisibilityViolations(IEnumerable<Type> types, string moduleName)
    {
        var violations = new List<string>();
        foreach (var type in types.Where(t => !t.IsNested && !IsCompilerGenerated(t)))
        {
            var isHandler = type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()));
            var isDbContext = typeof(DbContext).IsAssignableFrom(type);
            if ((isHandler || isDbContext) && (type.IsPublic || !type.IsSealed))
                violations.Add($"{type.FullName}: {(isHandler ? "handlers" : "DbContexts")} are internal sealed");
            else if (type.IsPublic && !IsAllowedPublic(type, moduleName))
                violations.Add($"{type.FullName}: only the module entry, slice requests/results and migrations are public");
        }
        return violations;
    }

    private static bool IsAllowedPublic(Type type, string moduleName)
    {
        if (type.Name == moduleName + "Module" && type is { IsAbstract: true, IsSealed: true }) return true; // static entry class
        if (typeof(Migration).IsAssignableFrom(type) || typeof(ModelSnapshot).IsAssignableFrom(type)) return true;
        var isRecord = type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
        var inFeatures = type.Namespace?.Contains(".Features.", StringComparison.Ordinal) == true
                         || type.Namespace?.EndsWith(".Features", StringComparison.Ordinal) == true;
        return inFeatures && (isRecord || type.IsEnum);
    }

    // Rule 5 -------------------------------------------------------------------------------------

    /// <summary>Host types that reach into a module's internals (DbContexts, entities, handlers, domain).</summary>
    public static IReadOnlyList<string> HostReachingIntoModules(Assembly host, IEnumerable<ModuleAssemblies> modules, string? onlyNamespace = null)
    {
        var internals = modules
            .SelectMany(m => m.Implementation.GetTypes())
            .Where(t => !t.IsPublic && !t.IsNestedPublic && !IsCompilerGenerated(t) && t.FullName is not null && !t.FullName.StartsWith('<'))
            .Select(t => t.FullName!)
            .ToArray();
        // Select() leaves out Mediator's generated dispatch code: it lives in the Host and must name handlers.
        return Failing(Select(host, onlyNamespace).ShouldNot().HaveDependencyOnAny(internals));
    }

    // Helpers ------------------------------------------------------------------------------------

    /// <summary>Contracts types that use EF Core or ASP.NET Core (they must stay plain).</summary>
    public static IReadOnlyList<string> FrameworkUseInContracts(Assembly contracts, string? onlyNamespace = null) =>
        Failing(Select(contracts, onlyNamespace).ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"));

    /// <summary>Types of <paramref name="subject"/> that use any module type at all (for Shared).</summary>
    public static IReadOnlyList<string> UsesOfAnyModule(Assembly subject, IEnumerable<ModuleAssemblies> modules, string? onlyNamespace = null)
    {
        var forbidden = modules
            .SelectMany(m => m.Implementation.GetTypes().Concat(m.Contracts.GetTypes()))
            .Select(t => t.FullName!)
            .Where(name => !name.StartsWith('<'))
            .ToArray();
        return Failing(Select(subject, onlyNamespace).ShouldNot().HaveDependencyOnAny(forbidden));
    }

    private static PredicateList Select(Assembly assembly, string? onlyNamespace) =>
        onlyNamespace is null
            ? Types.InAssembly(assembly).That().DoNotResideInNamespace("Mediator")
            : Types.InAssembly(assembly).That().ResideInNamespace(onlyNamespace);

    private static IReadOnlyList<string> Failing(ConditionList condition)
    {
        var result = condition.GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed type)"];
    }

    private static bool DerivesFromGeneric(Type type, Type openGeneric)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric)
                return true;
        return false;
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) || type.Name.StartsWith('<');
}
