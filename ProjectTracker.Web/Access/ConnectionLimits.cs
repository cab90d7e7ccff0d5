using System.Collections.Concurrent;
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
    /// address (IPv6 by /64): each holds server memory for as long as it is open. The whole app's cap is Kestrel's
    /// <c>Kestrel:Limits:MaxConcurrentUpgradedConnections</c> (appsettings.json).
    /// </summary>
    public static void UseCircuitCap(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AccessOptions>();
        if (options.MaxCircuitsPerClient == 0)
        {
            return;
        }

        var open = new ConcurrentDictionary<string, int>();
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.Equals("/_blazor", StringComparison.OrdinalIgnoreCase) || !http.WebSockets.IsWebSocketRequest)
            {
                await next(http);
                return;
            }

            var client = AccessExtensions.ClientKey(http);
            if (open.AddOrUpdate(client, 1, (_, count) => count + 1) > options.MaxCircuitsPerClient)
            {
                Release(open, client);
                await Problems.Create(StatusCodes.Status429TooManyRequests, "Too many open dashboards",
                    $"Each client may keep {options.MaxCircuitsPerClient} dashboards open at once; close some tabs.").ExecuteAsync(http);
                return;
            }

            try
            {
                await next(http);
            }
            finally
            {
                Release(open, client);
            }
        });
    }

    private static void Release(ConcurrentDictionary<string, int> open, string client)
    {
        if (open.AddOrUpdate(client, 0, (_, count) => count - 1) <= 0)
        {
            open.TryRemove(new KeyValuePair<string, int>(client, 0)); // only if nobody opened one meanwhile
        }
    }

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
