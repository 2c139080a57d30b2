using Caicaini.Identity.Contracts;
using Caicaini.Identity.Features.RegisterUser;
using Caicaini.Shared.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caicaini.Identity.Domain;

/// <summary>
/// At startup: the Admin and Operator roles exist, and the first admin from configuration
/// (<c>Admin:Email</c>, <c>Admin:Password</c>, optional <c>Admin:Username</c>) exists and is an Admin.
/// Safe when several instances start at once.
/// </summary>
internal sealed class IdentitySeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<IdentitySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (StartupGuard.IsDesignTimeTool) return;
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        foreach (var name in new[] { IdentityRoles.Admin, IdentityRoles.Operator })
            if (!await roles.RoleExistsAsync(name))
                await IgnoreRaceAsync(() => roles.CreateAsync(new Role { Id = Guid.CreateVersion7(), Name = name }));

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            var username = configuration["Admin:Username"] ?? "admin";
            var registered = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new RegisterUser(email, username, password), cancellationToken);
            if (!registered.IsSuccess)
            {
                logger.LogError("The configured admin {Email} could not be created: {Problem}", email, registered.Error.Message);
                return;
            }
            admin = await users.FindByEmailAsync(email);
            logger.LogInformation("Created the first admin {Email}", email);
        }
        if (admin is not null && !await users.IsInRoleAsync(admin, IdentityRoles.Admin))
            await IgnoreRaceAsync(() => users.AddToRoleAsync(admin, IdentityRoles.Admin));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Another instance may win the race to create the same row; its row is as good as ours.
    private static async Task IgnoreRaceAsync(Func<Task<IdentityResult>> action)
    {
        try
        {
            await action();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
        }
    }
}
