using Caicaini.Billing.Data;
using Caicaini.Billing.Features.OpenCreditAccount;
using Caicaini.Identity.Contracts;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Billing;

/// <summary>The Billing module's only public entry: the Host calls this to add the module.</summary>
public static class BillingModule
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<BillingDbContext>(configuration, BillingDbContext.Schema);
        services.AddModuleValidators(typeof(BillingModule).Assembly);
        services.AddIntegrationEventHandler<UserRegistered, OpenCreditAccountOnRegistration>();
        return services;
    }
}
