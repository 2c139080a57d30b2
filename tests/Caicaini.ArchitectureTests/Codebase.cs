using System.Reflection;
using Caicaini.Testing;

namespace Caicaini.ArchitectureTests;

/// <summary>A module as the rules see it: its name, schema, implementation and contracts assemblies.</summary>
public sealed record ModuleAssemblies(string Name, Assembly Implementation, Assembly Contracts)
{
    public string Schema => Name.ToLowerInvariant();
}

/// <summary>The real code under test, found from the folders under src/Modules.</summary>
public static class Codebase
{
    public static Assembly Host { get; } = typeof(Program).Assembly;
    public static Assembly Shared { get; } = typeof(Caicaini.Shared.Money.Credits).Assembly;

    public static IReadOnlyList<ModuleAssemblies> Modules { get; } =
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src", "Modules"))
            .Select(Path.GetFileName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => new ModuleAssemblies(name!,
                Assembly.Load($"Caicaini.{name}"),
                Assembly.Load($"Caicaini.{name}.Contracts")))
            .ToList();

    public static IEnumerable<string> ModuleProjectFiles =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Modules"), "*.csproj", SearchOption.AllDirectories);
}
