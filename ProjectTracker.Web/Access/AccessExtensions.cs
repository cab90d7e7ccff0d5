using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using ProjectTracker.Domain.Whoop;
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
        builder.Services.AddAccessSettings();
        builder.Services.AddSingleton<OwnerRule>();
        builder.Services.AddSingleton<RefreshAccess>();
        builder.Services.AddSingleton<DestructiveAccess>();
        builder.Services.AddScoped<DashboardUser>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRateLimiter(_ => { }); // the circuit cap's limiter (ConnectionLimits.UseCircuitCap)

        builder.Services.AddSingleton<IAuthorizationHandler, OwnerHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Owner, policy => policy.AddRequirements(new OwnerRequirement()));
        // The fallback covers every endpoint without a policy, and requests that match none (so no 404 leaks a route).
        builder.Services.AddOptions<AuthorizationOptions>().Configure<AccessOptions>((authorization, access) =>
            authorization.FallbackPolicy = access.RequireLogin || access.ApiKey is not null
                ? new AuthorizationPolicyBuilder().AddRequirements(new AccessRequirement()).Build()
                : null);

        // With the dashboards behind the login, a refused sign-in must land on a page that is not.
        builder.Services.AddOptions<OAuthOptions>(WhoopLogin.Scheme).PostConfigure<AccessOptions>((oauth, access) =>
        {
            if (access.RequireLogin)
            {
                oauth.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect($"{AccessPages.RefusedPath}?error={SignInErrors.CodeOf(context.Failure)}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            }
        });

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<AccessOptions>((forwarded, access) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the last hop is believed (ForwardLimit 1): the entry our own proxy appended, not what the client sent.
            if (access.TrustAllProxies)
            {
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
            }

            foreach (var network in access.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddSingleton<ClientBudgets>();
        return builder;
    }

    /// <summary>Section <c>Access</c> bound and checked at start-up, with the WHOOP sign-in that a required login needs.</summary>
    public static IServiceCollection AddAccessSettings(this IServiceCollection services)
    {
        services.AddSettings<AccessOptions>(AccessOptions.Section)
            .Validate<WhoopOptions>((access, whoop) => !access.RequireLogin || whoop.HasClientCredentials,
                "Access:RequireLogin needs WHOOP_CLIENT_ID and WHOOP_CLIENT_SECRET: the owner signs in with WHOOP, so without them nobody could.");
        return services;
    }

    /// <summary>
    /// First in the pipeline: forwarded headers (so scheme, host and client address are the real ones for everything after),
    /// HSTS outside Development, security headers, the per-client budgets (refreshes, sign-ins), circuits from this app's
    /// own origin only, and at most so many per client. Login and the API key are checked by
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
        app.UsePublicAddressForSignIn();
        app.UseClientBudgets();
        app.UseCircuitOrigins();
        app.UseCircuitCap();
        return app;
    }

    /// <summary>
    /// Spends the client's allowance for refreshes and sign-ins (429 problem+json with <c>Retry-After</c> beyond it), and
    /// gives it back when the request was not accepted (any 4xx but 401/403, which keep counting so that guessing the API
    /// key stays slow): a mistyped parameter or "not configured" costs nothing.
    /// </summary>
    private static void UseClientBudgets(this WebApplication app)
    {
        var budgets = app.Services.GetRequiredService<ClientBudgets>();
        app.Use(async (http, next) =>
        {
            if (AccessRequests.BudgetOf(http.Request) is not { } budget)
            {
                await next(http);
                return;
            }

            if (budgets.TryTake(budget, ClientKey(http), out var retryAfter) is not { } permit)
            {
                await TooManyAsync(http, budget, budgets.PermitsPerMinute(budget), retryAfter);
                return;
            }

            await next(http);
            if (http.Response.StatusCode is >= 400 and < 500 and not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
            {
                permit.Refund();
            }
        });
    }

    // IPv6 clients usually hold a whole /64: one limit per /64, or each could start refreshes from endless addresses.
    public static string ClientKey(HttpContext http)
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

    /// <summary>The 429 of a spent allowance (shared with the dashboard's button, which shows the same words).</summary>
    public static string TooManyDetail(Budget budget, int permits, int seconds) => budget switch
    {
        Budget.SignIn => $"Each client may start {permits} sign-ins a minute. Try again in {seconds} s.",
        Budget.GitHubRefresh => $"Each client may start {permits} GitHub refreshes a minute. Try again in {seconds} s.",
        _ => $"Each client may start {permits} WHOOP refreshes a minute. Try again in {seconds} s.",
    };

    private static async Task TooManyAsync(HttpContext http, Budget budget, int permits, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status429TooManyRequests, budget == Budget.SignIn ? "Too many sign-in attempts" : "Too many refresh requests",
                TooManyDetail(budget, permits, seconds),
                new Dictionary<string, object?> { ["retry_after_seconds"] = seconds })
            .ExecuteAsync(http);
    }
}
