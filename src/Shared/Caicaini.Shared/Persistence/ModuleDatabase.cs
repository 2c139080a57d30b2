namespace Caicaini.Shared.Persistence;

/// <summary>Marks a registered module DbContext so the migrator and the test template find all of them.</summary>
public sealed record ModuleDatabase(Type ContextType, string Schema);
