using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace ProjectTracker.Web.Api;

/// <summary>
/// The problem+json an <c>/api</c> request gets when no endpoint answered it: an unknown route says so and points to the
/// reference; a known route asked with another method is 405 with <c>Allow</c>.
/// </summary>
public static class ApiStatusPages
{
    public const string ReferencePointer = "/scalar (the API reference) and /openapi/v1.json (the OpenAPI document) list every route.";

    public static IApplicationBuilder UseApiStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(AnswerAsync);

    private static Task AnswerAsync(StatusCodeContext status)
    {
        var http = status.HttpContext;
        if (http.GetEndpoint() is not null && http.Response.StatusCode != StatusCodes.Status405MethodNotAllowed)
        {
            return TypedResults.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http); // an endpoint's own answer
        }

        // Routing's own 405 is not trusted either: the static assets' catch-all GET makes every path look like a GET route.
        var (method, path) = (http.Request.Method, http.Request.Path.Value ?? "/");
        var allowed = MethodsOf(http.RequestServices.GetRequiredService<EndpointDataSource>(), path);
        if (allowed.Count == 0 || allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.NotFound("Unknown API route", $"There is no API route {path}. {ReferencePointer}").ExecuteAsync(http);
        }

        http.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.Create(StatusCodes.Status405MethodNotAllowed, "Method not allowed",
            $"{path} does not answer {method}; it answers {string.Join(", ", allowed)}. {ReferencePointer}").ExecuteAsync(http);
    }

    /// <summary>The methods of every <c>/api</c> route whose template matches <paramref name="path"/>.</summary>
    private static List<string> MethodsOf(EndpointDataSource endpoints, string path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsApi(e.RoutePattern) && new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsApi(RoutePattern pattern) =>
        pattern.PathSegments is [{ Parts: [RoutePatternLiteralPart { Content: var first }] }, ..]
        && first.Equals("api", StringComparison.OrdinalIgnoreCase);
}
