using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProjectTracker.Web.Access;

namespace ProjectTracker.Web.Api;

/// <summary>The document's title and description; the old routes' tag listed last, after everything current.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string LegacyTag = "Legacy";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = ApiReference.Title;
        document.Info.Description =
            "GitHub repository statistics and WHOOP health data, as stored by this Project Tracker instance. "
            + "Answers are JSON in snake_case; errors are RFC 9457 problem+json with the old app's `error` member. "
            + "Refresh and sync requests need `X-Api-Key` when `Access:ApiKey` is set and are limited per client (429 with `Retry-After`).";

        if (document.Paths is { } paths)
        {
            PutLegacyPathsLast(paths);
        }

        if (document.Tags is { Count: > 0 } tags)
        {
            PutLegacyTagLast(tags);
        }

        return Task.CompletedTask;
    }

    private static void PutLegacyPathsLast(OpenApiPaths paths)
    {
        // Rebuilt, not moved: a dictionary refills a removed entry's slot, so only a fresh fill keeps this order.
        var ordered = paths.Where(p => !IsLegacy(p.Value)).Concat(paths.Where(p => IsLegacy(p.Value))).ToList();
        paths.Clear();
        foreach (var (path, item) in ordered)
        {
            paths.Add(path, item);
        }
    }

    private static void PutLegacyTagLast(ISet<OpenApiTag> tags)
    {
        var ordered = tags.Where(t => t.Name != LegacyTag).Concat(tags.Where(t => t.Name == LegacyTag)).ToList();
        tags.Clear(); // emptied, a set lists what is added next in the order it is added
        foreach (var tag in ordered)
        {
            tags.Add(tag);
        }
    }

    private static bool IsLegacy(IOpenApiPathItem item) =>
        item.Operations?.Values.Any(o => o.Tags?.Any(t => t.Name == LegacyTag) == true) == true;
}

/// <summary>
/// Every answer an operation can give, not only its success: the old routes as the 307 they are, and the problem+json
/// answers of bad parameters (400), unknown names (404), refresh access (401, 403), unconfigured or disconnected
/// services (409) and spent allowances (429).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        if (!path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        if (operation.Tags?.Any(t => t.Name == DocumentInfoTransformer.LegacyTag) == true)
        {
            AnswerAsRedirect(operation);
            return Task.CompletedTask;
        }

        AddProblems(operation, path, context.Description.HttpMethod ?? "");
        return Task.CompletedTask;
    }

    /// <summary>An old route only redirects, so the 307 is all it answers.</summary>
    private static void AnswerAsRedirect(OpenApiOperation operation)
    {
        operation.Responses!.Clear();
        operation.Responses["307"] = new OpenApiResponse
        {
            Description = "Temporary redirect to the current route (method, body and query string kept); see the `Location` header.",
        };
    }

    /// <summary>The problems an operation can answer, from what it takes (parameters, a name in the path, a refresh).</summary>
    private static void AddProblems(OpenApiOperation operation, string path, string method)
    {
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Add(operation, "400", "A parameter is missing or invalid; `errors` names it.");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, "404", "Nothing is stored under that name.");
        }

        if (HttpMethods.IsPost(method) && AccessRequests.RefreshPaths.Contains(path.TrimEnd('/')))
        {
            Add(operation, "401", "`Access:ApiKey` is set and `X-Api-Key` is missing or wrong.");
            Add(operation, "403", "`Access:RequireLogin` is set and the caller is not the owner.");
            Add(operation, "409", "The service is not configured, or WHOOP must be connected again.");
            Add(operation, "429", "This client's refresh allowance is spent; `Retry-After` says when to ask again.");
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemType] = new() { Schema = ProblemSchema() },
            },
        };
    }

    /// <summary>RFC 9457's members and the old app's <c>error</c>; validation problems add <c>errors</c>.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong and what to do." },
            ["error"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The old app's error text." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Bad parameters: each name with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
