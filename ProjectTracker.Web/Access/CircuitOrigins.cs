using ProjectTracker.Web.Api;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Access;

/// <summary>
/// The Blazor hub (<c>/_blazor</c>: negotiate and the WebSocket) answers only pages of this app: a browser request from
/// another origin is refused with 403 before a circuit exists. Browsers send <c>Origin</c> on every WebSocket upgrade
/// and every POST such as negotiate, and another site's script cannot forge it. Accepted: the app's own address (the
/// request's host, or <c>Access:PublicBaseUrl</c>) and the origins of <c>Cors:Origins</c> — but not <c>*</c>, which
/// opens the JSON API to every site, never a dashboard's circuit.
/// </summary>
public static class CircuitOrigins
{
    public const string HubPath = "/_blazor";

    public static void UseCircuitOrigins(this WebApplication app)
    {
        var publicBaseUrl = app.Services.GetRequiredService<AccessOptions>().PublicBaseUrl;
        var configured = app.Services.GetRequiredService<CorsOriginsOptions>().AllowedOrigins
            .Where(origin => origin != "*")
            .Select(origin => new Uri(origin))
            .Concat(publicBaseUrl is null ? [] : [publicBaseUrl])
            .ToList();

        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(HubPath, StringComparison.OrdinalIgnoreCase)
                && http.Request.Headers.Origin.Count > 0
                && !IsAllowed(http.Request, configured))
            {
                await Problems.Create(StatusCodes.Status403Forbidden, "Cross-origin dashboard refused",
                    "The dashboards' live connection only answers pages of this app. To embed them elsewhere, add that origin to Cors:Origins.")
                    .ExecuteAsync(http);
                return;
            }

            await next(http);
        });
    }

    /// <summary>Whether the request's one <c>Origin</c> is the app's own address or a configured one (scheme, host and port).</summary>
    public static bool IsAllowed(HttpRequest request, IReadOnlyList<Uri> configured)
    {
        if (request.Headers.Origin is not [{ } value] || !Uri.TryCreate(value, UriKind.Absolute, out var origin)
            || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps))
        {
            return false; // "null" (a sandboxed frame or a file), several, or not a web origin
        }

        // The request's own host under the origin's scheme: behind a TLS proxy the app may see http while pages are https.
        return (request.Host.HasValue && Uri.TryCreate($"{origin.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && SameAuthority(origin, own))
               || configured.Any(allowed => allowed.Scheme == origin.Scheme && SameAuthority(origin, allowed));
    }

    private static bool SameAuthority(Uri a, Uri b) => string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);
}
