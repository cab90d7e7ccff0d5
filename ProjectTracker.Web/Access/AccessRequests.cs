using Microsoft.AspNetCore.StaticAssets;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

/// <summary>Which requests the access rules treat specially: those that start a refresh, and those always public.</summary>
public static class AccessRequests
{
    /// <summary>Every POST that starts a sync (the dashboards' page-load GET of refresh/today stays open: it is coalesced).</summary>
    public static readonly IReadOnlySet<string> RefreshPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/api/github/refresh", LegacyRefreshPath, "/api/whoop/refresh", "/api/whoop/refresh/today",
        "/api/whoop/sync/incremental", "/api/whoop/sync/full",
    };

    private static readonly string[] PublicPaths =
        ["/healthz", WhoopEndpoints.ConnectPath, WhoopLogin.CallbackPath, AccessPages.RefusedPath, AccessPages.LogoutPath];

    /// <summary>The old route only redirects to <c>/api/github/refresh</c>: it needs the key, but is not counted twice.</summary>
    public const string LegacyRefreshPath = "/api/refresh";

    public static bool IsRefresh(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && RefreshPaths.Contains(request.Path.Value?.TrimEnd('/') ?? "");

    /// <summary>A refresh that starts work, so counts against the client's rate limit.</summary>
    public static bool IsCountedRefresh(HttpRequest request) =>
        IsRefresh(request) && !request.Path.Equals(LegacyRefreshPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reachable without login even with <c>Access:RequireLogin</c>.</summary>
    public static bool IsPublic(HttpContext context)
    {
        var path = context.Request.Path;
        return PublicPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
               // Signature-verified by the endpoint itself; WHOOP has no session.
               || (HttpMethods.IsPost(context.Request.Method) && path.Equals(WhoopWebhooks.Path, StringComparison.OrdinalIgnoreCase))
               || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
    }

    /// <summary>A browser navigating to a page (sent to the login), as opposed to a script or API client (answered 401).</summary>
    public static bool IsPageNavigation(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/openapi")
        && !request.Path.StartsWithSegments("/_blazor");
}
