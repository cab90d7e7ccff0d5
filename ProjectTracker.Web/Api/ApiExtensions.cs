using System.Text.Json;
using Scalar.AspNetCore;

namespace ProjectTracker.Web.Api;

public static class ApiExtensions
{
    /// <summary>JSON in snake_case (the old app's), problem+json errors, the OpenAPI document.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Problems.AddErrorMember);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi(openApi =>
        {
            var included = openApi.ShouldInclude;
            openApi.ShouldInclude = description => description.HttpMethod != HttpMethods.Head && included(description); // HEAD mirrors GET
            openApi.AddDocumentTransformer<DocumentInfoTransformer>();
            openApi.AddOperationTransformer<RangeParametersTransformer>();
            openApi.AddOperationTransformer<ProblemResponsesTransformer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Old routes, <c>/openapi/v1.json</c> with its reference page at <c>/scalar</c>, and <c>/healthz</c>.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        MapLegacyRedirect(app, "GET", "/api/projects", "/api/github/projects");
        MapLegacyRedirect(app, "GET", "/api/metrics", "/api/github/metrics");
        MapLegacyRedirect(app, "POST", "/api/refresh", "/api/github/refresh");

        app.MapOpenApi();
        app.MapScalarApiReference(ApiReference.Configure);
        app.MapHealthChecks("/healthz").WithTags("Health");
        return app;
    }

    // 307 keeps the method and body; the query string travels along. CORS headers come from the default policy.
    private static void MapLegacyRedirect(WebApplication app, string method, string from, string to) =>
        app.MapMethods(from, [method], (HttpRequest request) => TypedResults.Redirect(to + request.QueryString, permanent: false, preserveMethod: true))
            .WithTags(DocumentInfoTransformer.LegacyTag)
            .WithSummary($"Old {from}")
            .WithDescription($"Old route: redirects (307) to {to}, keeping the method, body and query string.");
}
