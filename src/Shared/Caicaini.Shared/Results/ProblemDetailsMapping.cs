using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Caicaini.Shared.Results;

/// <summary>Turns expected failures into RFC 9457 ProblemDetails with a stable <c>type</c>.</summary>
public static class ProblemDetailsMapping
{
    /// <summary>Every problem type lives under this URI; the suffix is the error code.</summary>
    public const string TypePrefix = "https://caicaini.app/problems/";

    public static ProblemDetails ToProblemDetails(this Error error, string? instance = null)
    {
        var problem = error.Fields is { Count: > 0 }
            ? new ValidationProblemDetails(error.Fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Type = TypePrefix + error.Code;
        problem.Title = TitleFor(error.Kind);
        problem.Status = (int)error.Kind;
        problem.Detail = error.Message;
        problem.Instance = instance;
        if (error.Extensions is not null)
            foreach (var (key, value) in error.Extensions)
                problem.Extensions[key] = value;
        return problem;
    }

    public static ProblemHttpResult ToProblem(this Error error) =>
        TypedResults.Problem(error.ToProblemDetails());

    public static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => "Bad request",
        ErrorKind.Unauthorized => "Sign-in required",
        ErrorKind.PaymentRequired => "Not enough credits",
        ErrorKind.Forbidden => "Not allowed",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Validation => "Invalid input",
        ErrorKind.TooManyRequests => "Too many requests",
        _ => "Error",
    };
}
