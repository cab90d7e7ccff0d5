using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ProjectTracker.Web.Api;

/// <summary>
/// RFC 9457 problem answers. Each carries the old app's <c>error</c> member too, so clients that read <c>.error</c>
/// keep working.
/// </summary>
public static class Problems
{
    public const string ErrorMember = "error";

    public static ProblemHttpResult NotFound(string error, string detail) => Create(StatusCodes.Status404NotFound, error, detail);

    public static ProblemHttpResult Create(int status, string error, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions[ErrorMember] = error;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A 400 naming the query parameter, in the validation-problem shape (<c>errors: {name: [message]}</c>).</summary>
    public static ValidationProblem BadParameter(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: message,
            extensions: new Dictionary<string, object?> { [ErrorMember] = message, ["parameter"] = parameter });

    /// <summary>Gives every problem answer (also the framework's own) an <c>error</c> member.</summary>
    public static void AddErrorMember(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd(ErrorMember, problem.Detail ?? problem.Title ?? "Error");
    }
}
