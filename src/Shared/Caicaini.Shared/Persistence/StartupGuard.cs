using System.Reflection;

namespace Caicaini.Shared.Persistence;

/// <summary>
/// Tools run Program.cs up to Build() to read the app's shape (the build-time OpenAPI generator,
/// dotnet-ef). They must never touch the database or start background work.
/// </summary>
public static class StartupGuard
{
    public static bool IsDesignTimeTool =>
        Assembly.GetEntryAssembly()?.GetName().Name is "GetDocument.Insider" or "ef";
}
