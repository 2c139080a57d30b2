using Microsoft.AspNetCore.Mvc;

namespace Caicaini.Host.Infrastructure;

internal static class ProblemResponseExtensions
{
    /// <summary>Writes an RFC 9457 body whatever the request's Accept header says: API clients always get one shape.</summary>
    public static Task WriteProblemAsync(this HttpResponse response, ProblemDetails problem)
    {
        response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
