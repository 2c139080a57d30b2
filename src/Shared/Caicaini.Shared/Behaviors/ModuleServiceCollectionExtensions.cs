using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Shared.Behaviors;

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Registers a module's (internal) validators so the validation behavior finds them.</summary>
    public static IServiceCollection AddModuleValidators(this IServiceCollection services, Assembly moduleAssembly) =>
        services.AddValidatorsFromAssembly(moduleAssembly, ServiceLifetime.Scoped, includeInternalTypes: true);
}
