using System.Text.Json.Serialization;
using Caicaini.Shared.Results;
using Carter;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caicaini.Host.Infrastructure;

/// <summary>Everything HTTP: error shapes, OpenAPI, pages, health, security headers.</summary>
internal static class WebSetup
{
    public static IServiceCollection AddCaicainiWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionToProblemHandler>();
        // A parameter that cannot be bound (a bad query value, broken JSON) throws in every environment, not just
        // Development, so the 400 says which parameter and why instead of a bare "Bad request".
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.Configure<SupportOptions>(configuration.GetSection(SupportOptions.Section));
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        // Pages carry text in any language as characters, not as &#x…; entities (still HTML-safe).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCaicainiRateLimits(configuration);
        services.AddCaicainiPolicies();
        services.AddRazorPages(pages => pages.Conventions.AuthorizeFolder("/Admin", Policies.Staff))
            // Input rules live in the modules' validators; MVC must not add its own "field is required".
            .AddMvcOptions(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.AddCarter();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddEndpointsApiExplorer();
        services.AddOpenApiDocument(document =>
        {
            document.DocumentName = "v1";
            document.Title = "Caicaini API";
            document.Version = "v1";
            document.Description = "The HTTP API behind the Caicaini web app, the caicaini CLI and the C# SDK.";
        });
        return services;
    }

    public static WebApplication UseCaicainiWeb(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePages(WriteStatusCodeResponse);
        app.Use(AddSecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.UseOpenApi(o =>
        {
            o.Path = "/openapi/{documentName}.json";
            // Identical at build time and at run time: no servers derived from the request.
            o.PostProcess = (document, _) => document.Servers.Clear();
        });
        app.UseSwaggerUi(o =>
        {
            o.Path = "/api-docs";
            o.DocumentPath = "/openapi/{documentName}.json";
            o.DocumentTitle = "Caicaini API";
        });

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        }).ExcludeFromDescription();
        return app;
    }

    // Empty error responses get a body: ProblemDetails under /api (unknown routes included),
    // the HTML not-found page elsewhere.
    private static async Task WriteStatusCodeResponse(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var status = http.Response.StatusCode;
            var kind = Enum.IsDefined(typeof(ErrorKind), status) ? (ErrorKind)status : ErrorKind.BadRequest;
            var detail = status switch
            {
                StatusCodes.Status401Unauthorized => "Sign in, or send a personal API token as 'Authorization: Bearer <token>' (create one on /account).",
                StatusCodes.Status403Forbidden => "Your account is signed in but does not have the role this needs.",
                StatusCodes.Status404NotFound => $"There is no API endpoint at {http.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not supported at {http.Request.Path}.",
                _ => ProblemDetailsMapping.TitleFor(kind),
            };
            var problem = new Error(ProblemCode(status), detail, kind).ToProblemDetails();
            problem.Status = status;
            problem.Title = ReasonPhrases.GetReasonPhrase(status);
            problem.Extensions["traceId"] = http.TraceIdentifier;
            await http.Response.WriteProblemAsync(problem);
            return;
        }

        if (http.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            var originalPath = http.Request.Path;
            http.Request.Path = "/NotFound";
            try
            {
                http.SetEndpoint(null);
                await context.Next(http);
            }
            finally
            {
                http.Request.Path = originalPath;
            }
        }
    }

    private static string ProblemCode(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        _ => "http-" + status,
    };

    private static Task AddSecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        // The interactive API page ships its own inline scripts; everything else is ours and same-origin.
        if (!context.Request.Path.StartsWithSegments("/api-docs"))
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next();
    }
}
