using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Limits on what anonymous clients can make the app hold, and the address WHOOP's sign-in uses.
/// </summary>
public static class ConnectionLimits
{
    /// <summary>
    /// At most <c>Access:MaxCircuitsPerClient</c> open dashboards (circuit WebSockets on <c>/_blazor</c>) per client
    /// address (IPv6 by /64): each holds server memory for as long as it is open. The framework's rate limiting does the
    /// counting: a concurrency limiter per client, whose permit a WebSocket holds until it closes, and no queue. The whole
    /// app's cap is Kestrel's <c>Kestrel:Limits:MaxConcurrentUpgradedConnections</c> (appsettings.json).
    /// </summary>
    public static void UseCircuitCap(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AccessOptions>();
        if (options.MaxCircuitsPerClient == 0)
        {
            return;
        }

        var perClient = new ConcurrencyLimiterOptions { PermitLimit = options.MaxCircuitsPerClient, QueueLimit = 0 };
        app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsCircuit(http)
                ? RateLimitPartition.GetConcurrencyLimiter(AccessExtensions.ClientKey(http), _ => perClient)
                : RateLimitPartition.GetNoLimiter("")),
            OnRejected = (rejected, _) => new ValueTask(Problems.Create(StatusCodes.Status429TooManyRequests, "Too many open dashboards",
                $"Each client may keep {options.MaxCircuitsPerClient} dashboards open at once; close some tabs.").ExecuteAsync(rejected.HttpContext)),
        });
    }

    private static bool IsCircuit(HttpContext http) =>
        http.Request.Path.Equals("/_blazor", StringComparison.OrdinalIgnoreCase) && http.WebSockets.IsWebSocketRequest;

    /// <summary>
    /// With <c>Access:PublicBaseUrl</c> the sign-in's requests are seen at that address, so WHOOP's <c>redirect_uri</c>
    /// (built from scheme, host and path base) never follows a Host header a client chose. Without it, <c>AllowedHosts</c>
    /// (host filtering, on by default) decides which hosts reach the app at all; in Production start-up warns when
    /// neither is set.
    /// </summary>
    public static void UsePublicAddressForSignIn(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AccessOptions>();
        if (options.PublicBaseUrl is not { } url)
        {
            var allowedHosts = app.Configuration["AllowedHosts"];
            if (app.Environment.IsProduction() && (allowedHosts is null or "*") && app.Services.GetRequiredService<Domain.Whoop.WhoopOptions>().HasClientCredentials)
            {
                app.Logger.LogWarning(
                    "WHOOP's redirect URI follows the request's Host header: set Access:PublicBaseUrl (https://your.host) or AllowedHosts to your host name.");
            }

            return;
        }

        var host = HostString.FromUriComponent(url.Authority); // no default port: WHOOP compares the URI as registered
        var pathBase = PathString.FromUriComponent(url.AbsolutePath.TrimEnd('/'));
        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            if (path.Equals(WhoopEndpoints.ConnectPath, StringComparison.OrdinalIgnoreCase)
                || path.Equals(WhoopLogin.CallbackPath, StringComparison.OrdinalIgnoreCase))
            {
                http.Request.Scheme = url.Scheme;
                http.Request.Host = host;
                http.Request.PathBase = pathBase;
            }

            return next(http);
        });
    }
}
