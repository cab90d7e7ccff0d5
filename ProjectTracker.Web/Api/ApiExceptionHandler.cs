using Microsoft.AspNetCore.Diagnostics;

namespace ProjectTracker.Web.Api;

/// <summary>Turns a bad query parameter into 400 problem+json; everything else stays a 500 problem without details.</summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not InvalidQueryParameterException bad)
        {
            return false;
        }

        await Problems.BadParameter(bad.Parameter, bad.Message).ExecuteAsync(httpContext);
        return true;
    }
}
