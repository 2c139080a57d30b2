using Caicaini.Payments.Data;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Payments;

/// <summary>The Payments module's only public entry: the Host calls this to add the module.</summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PaymentsDbContext>(configuration, PaymentsDbContext.Schema);
        services.AddModuleValidators(typeof(PaymentsModule).Assembly);
        return services;
    }
}
