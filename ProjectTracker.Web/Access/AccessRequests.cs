using Microsoft.AspNetCore.StaticAssets;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

/// <summary>Which requests the access rules treat specially: those that start a refresh, and those always public.</summary>
public static class AccessRequests
{
    /// <summary>
    /// Every path whose POST writes: starts a sync, or imports an export. The old frontend's <c>/api/whoop/refresh/today</c> starts one by any method
    /// (it is also a GET, for that frontend's page load): a write behind a GET follows the same rules.
    /// </summary>
    public static readonly IReadOnlySet<string> RefreshPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/api/github/refresh", LegacyRefreshPath, "/api/whoop/refresh", TodayRefreshPath,
        "/api/whoop/sync/incremental", "/api/whoop/sync/full", WhoopImportEndpoints.Path,
    };

    private static readonly string[] PublicPaths =
        ["/healthz", WhoopEndpoints.ConnectPath, WhoopLogin.CallbackPath, AccessPages.RefusedPath, AccessPages.LogoutPath];

    /// <summary>The old route only redirects to <c>/api/github/refresh</c>: it needs the key, but is not counted twice.</summary>
    public const string LegacyRefreshPath = "/api/refresh";

    /// <summary>The old frontend's page-load sync, which starts work whatever the method.</summary>
    public const string TodayRefreshPath = "/api/whoop/refresh/today";

    public static bool IsRefresh(HttpRequest request)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        return (HttpMethods.IsPost(request.Method) && RefreshPaths.Contains(path))
               || path.Equals(TodayRefreshPath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The client allowance a request spends: refreshes that start work (GitHub's and WHOOP's each their own) and
    /// sign-ins; null for everything else. The old <c>POST /api/refresh</c> only redirects: its target is counted.
    /// </summary>
    public static Budget? BudgetOf(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) && request.Path.Equals(WhoopEndpoints.ConnectPath, StringComparison.OrdinalIgnoreCase))
        {
            return Budget.SignIn;
        }

        if (!IsRefresh(request) || request.Path.Equals(LegacyRefreshPath, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return request.Path.StartsWithSegments("/api/github", StringComparison.OrdinalIgnoreCase) ? Budget.GitHubRefresh : Budget.WhoopRefresh;
    }

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
