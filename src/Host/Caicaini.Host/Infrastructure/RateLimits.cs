using System.Globalization;
using System.Threading.RateLimiting;
using Caicaini.Shared.Results;
using Microsoft.AspNetCore.RateLimiting;

namespace Caicaini.Host.Infrastructure;

/// <summary>
/// Slows down guessing: sign-in, sign-up, forgot-password and token creation are limited per client
/// address. (Per-account guessing is stopped by lockout after repeated failures.)
/// </summary>
internal static class RateLimits
{
    public const string Credentials = "credentials";

    public static IServiceCollection AddCaicainiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:CredentialsPerMinute", 20);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Credentials, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problem = new Error("too-many-requests",
                    $"Too many attempts from your address. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    ErrorKind.TooManyRequests).ToProblemDetails();
                if (http.Request.Path.StartsWithSegments("/api"))
                    await http.Response.WriteProblemAsync(problem);
                else
                {
                    http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(problem.Detail!, cancellationToken);
                }
            };
        });
        return services;
    }
}
