using Caicaini.Billing.Data;
using Caicaini.Billing.Features.ApplyPayments;
using Caicaini.Billing.Features.OpenCreditAccount;
using Caicaini.Payments.Contracts;
using Caicaini.Billing.Features.Sweep;
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
        services.AddIntegrationEventHandler<CreditsPurchased, AddPurchasedCredits>();
        services.AddIntegrationEventHandler<PlanPurchased, StartPurchasedPlan>();
        services.AddIntegrationEventHandler<PaymentRefunded, ClawBackRefund>();
        services.Configure<BillingOptions>(configuration.GetSection(BillingOptions.Section));
        services.AddSingleton<CreditWriter>();
        services.AddSingleton<BillingSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<BillingSweeper>());
        return services;
    }
}
