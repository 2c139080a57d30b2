using System.Reflection;
using Carter;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caicaini.Host.Api.System;

/// <summary>What `caicaini status` shows: which server this is and whether it can reach its database.</summary>
public sealed record ServiceStatus(string Service, string Version, string Status, bool DatabaseReachable, DateTimeOffset ServerTime);

public sealed class StatusEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", async (HealthCheckService health, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var report = await health.CheckHealthAsync(cancellationToken);
                var databaseReachable = report.Entries.TryGetValue("database", out var database)
                                        && database.Status == HealthStatus.Healthy;
                return TypedResults.Ok(new ServiceStatus(
                    "caicaini",
                    ServerVersion,
                    report.Status.ToString(),
                    databaseReachable,
                    clock.GetUtcNow()));
            })
            .WithName("System_Status")
            .WithTags("System")
            .WithSummary("Server version and health, for clients that want to check before they start.");
    }

    private static readonly string ServerVersion =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";
}
