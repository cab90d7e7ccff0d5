using Microsoft.AspNetCore.Diagnostics;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Api;

/// <summary>Turns a bad query parameter into 400 problem+json; everything else stays a 500 problem without details.</summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            InvalidRangeParameterException range => Problems.BadParameter(range.Parameter, range.Message),
            InvalidQueryParameterException query => Problems.BadParameter(query.Parameter, query.Message),
            _ => null,
        };

        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}

/// <summary>A query parameter other than the shared range parameters that cannot be used.</summary>
public sealed class InvalidQueryParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
