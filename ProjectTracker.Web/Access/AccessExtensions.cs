using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

public static class AccessExtensions
{
    /// <summary>
    /// The access rules (README "Access"): login for everything when required, the API key and per-client rate limit on
    /// refresh, the owner-only policy, forwarded headers from trusted proxies, security headers and HSTS.
    /// </summary>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var options = AccessOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new OwnerRule(builder.Configuration.Read("Owner:WhoopUserId")));
        builder.Services.AddSingleton<RefreshAccess>();
        builder.Services.AddScoped<DashboardUser>();

        builder.Services.AddSingleton<IAuthorizationHandler, OwnerHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Owner, policy => policy.AddRequirements(new OwnerRequirement()))
            // The fallback covers every endpoint without a policy, and requests that match none (so no 404 leaks a route).
            .SetFallbackPolicy(options.RequireLogin || options.ApiKey is not null
                ? new AuthorizationPolicyBuilder().AddRequirements(new AccessRequirement()).Build()
                : null);

        if (options.RequireLogin)
        {
            // The dashboards are behind the login, so a refused sign-in must land on a page that is not.
            builder.Services.PostConfigure<OAuthOptions>(WhoopLogin.Scheme, oauth => oauth.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{AccessPages.RefusedPath}?error={SignInErrors.CodeOf(context.Failure)}");
                context.HandleResponse();
                return Task.CompletedTask;
            });
        }

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the last hop is believed (ForwardLimit 1): the entry our own proxy appended, not what the client sent.
            if (options.TrustAllProxies)
            {
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
            }

            foreach (var network in options.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(180));
        // Configured with the app's TimeProvider, which tests replace after AddAccess runs.
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<TimeProvider>((limiter, time) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                options.RefreshPermitsPerMinute > 0 && AccessRequests.IsCountedRefresh(http.Request)
                    ? RateLimitPartition.Get(ClientKey(http), _ => new ClockWindowRateLimiter(time, options.RefreshPermitsPerMinute, TimeSpan.FromMinutes(1)))
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (rejected, _) => TooManyRefreshesAsync(rejected, options);
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline: forwarded headers (so scheme, host and client address are the real ones for everything after),
    /// HSTS outside Development, security headers, the refresh rate limit. Login and the API key are checked by
    /// <c>UseAuthorization</c> through the fallback policy registered in <see cref="AddAccess"/>.
    /// </summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRateLimiter();
        return app;
    }

    // IPv6 clients usually hold a whole /64: one limit per /64, or each could start refreshes from endless addresses.
    private static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask TooManyRefreshesAsync(OnRejectedContext rejected, AccessOptions options)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status429TooManyRequests, "Too many refresh requests",
                $"Each client may start {options.RefreshPermitsPerMinute} refreshes a minute. Try again in {seconds} s.",
                new Dictionary<string, object?> { ["retry_after_seconds"] = seconds })
            .ExecuteAsync(rejected.HttpContext);
    }
}
