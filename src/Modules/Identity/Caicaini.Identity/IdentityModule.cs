using Caicaini.Identity.Authentication;
using Caicaini.Identity.Contracts;
using Caicaini.Identity.Data;
using Caicaini.Identity.Domain;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Email;
using Caicaini.Shared.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Identity;

/// <summary>The Identity module's only public entry: the Host calls this to add the module.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext>(configuration, IdentityDbContext.Schema);
        services.AddModuleValidators(typeof(IdentityModule).Assembly);
        services.AddEmail(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<AccountLookup>();
        services.AddHostedService<IdentitySeeder>();

        services.AddIdentityCore<User>(options =>
            {
                // Length over composition; PasswordPolicy adds the common-password and repetition checks.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = UsernameRules.AllowedCharacters;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>();

        // Reset and confirmation links are single-use (they die with the security stamp) and short-lived.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        // Keys live in the database so every Host instance reads every cookie and link; build-time
        // tools (OpenAPI generation) run without a database and keep the default ephemeral ring.
        var dataProtection = services.AddDataProtection().SetApplicationName("Caicaini");
        if (!StartupGuard.IsDesignTimeTool)
            dataProtection.PersistKeysToDbContext<IdentityDbContext>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentitySchemes.CookieOrToken;
                options.DefaultChallengeScheme = IdentitySchemes.CookieOrToken;
            })
            .AddPolicyScheme(IdentitySchemes.CookieOrToken, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentitySchemes.ApiToken
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(IdentitySchemes.ApiToken, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "caicaini.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            // API clients get a status code (the Host writes the ProblemDetails), never a login page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Changing a password updates the security stamp; other sessions notice within this interval.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = configuration.GetValue("Identity:SecurityStampValidationInterval", TimeSpan.FromMinutes(1)));

        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
