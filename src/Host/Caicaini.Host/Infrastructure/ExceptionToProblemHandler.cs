using Caicaini.Shared.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Caicaini.Host.Infrastructure;

/// <summary>
/// Turns exceptions that escape an API endpoint into ProblemDetails. Invalid requests become a 422 with
/// field errors; anything unexpected is logged in full and answered with a bare 500 that reveals
/// nothing of the internals. Pages fall through to the HTML error page.
/// </summary>
internal sealed class ExceptionToProblemHandler(ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has rewritten Request.Path to the error page; the feature keeps the original.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (!path.StartsWithSegments("/api"))
        {
            logger.LogError(exception, "Unhandled exception on page {Path}", path);
            return false;
        }

        ProblemDetails problem;
        switch (exception)
        {
            case RequestValidationException invalid:
                problem = new Error("validation", "One or more fields are invalid.", ErrorKind.Validation, invalid.Errors)
                    .ToProblemDetails();
                break;
            case BadHttpRequestException badRequest:
                // ASP.NET Core's own words name the parameter or the body problem (never our internals), e.g.
                // 'Failed to bind parameter "bool stream" from "maybe".': that is what a caller needs to fix it.
                problem = new Error("bad-request", $"The request could not be read: {badRequest.Message}", ErrorKind.BadRequest).ToProblemDetails();
                problem.Status = badRequest.StatusCode;
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true; // The client left; there is nobody to answer.
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, path);
                problem = new ProblemDetails
                {
                    Type = ProblemDetailsMapping.TypePrefix + "internal",
                    Title = "Something went wrong on our side",
                    Status = StatusCodes.Status500InternalServerError,
                    Detail = "The error was logged. Please try again; if it persists, contact support with the trace id.",
                };
                break;
        }

        problem.Extensions["traceId"] = context.TraceIdentifier;
        await context.Response.WriteProblemAsync(problem);
        return true;
    }
}
