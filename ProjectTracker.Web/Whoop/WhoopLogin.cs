using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Demo;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// "Connect WHOOP": the OAuth 2.0 authorization-code flow (<c>/login/whoop</c> → WHOOP → <c>/signin-whoop</c>), the
/// profile read at sign-in, the owner rule (the first account, or <c>Owner:WhoopUserId</c>), tokens into the encrypted
/// store, and a cookie session for the owner. <c>POST /logout</c> ends the session; <c>POST /whoop/disconnect</c> also
/// forgets the tokens.
/// </summary>
public static class WhoopLogin
{
    public const string Scheme = "WHOOP";
    public const string CallbackPath = "/signin-whoop";
    public const string UserIdClaim = "whoop_user_id";
    public const string DisconnectPath = "/whoop/disconnect";
    public static WebApplicationBuilder AddWhoopLogin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WhoopOwnership>();
        builder.Services.AddSingleton<SharedStateStore>();
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "pt-session";
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/login/whoop";
                cookie.SlidingExpiration = false; // an absolute lifetime: a stolen session does not live on by being used
            })
            .AddOAuth(Scheme, oauth =>
            {
                oauth.CallbackPath = CallbackPath;
                oauth.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oauth.UsePkce = true; // WHOOP's authorization server (Ory Hydra) checks code_challenge/code_verifier when sent
                foreach (var scope in WhoopScopes.Requested)
                {
                    oauth.Scope.Add(scope);
                }

                // WHOOP's callback arrives as a top-level GET from its domain: Lax cookies are sent.
                oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oauth.Events.OnCreatingTicket = OnCreatingTicketAsync;
                oauth.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect($"/whoop?error={SignInErrors.CodeOf(context.Failure)}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore, AccessOptions, DemoOptions>((cookie, sessions, access, demo) =>
            {
                cookie.SessionStore = sessions;
                cookie.ExpireTimeSpan = access.SessionLifetime;
                cookie.Cookie.SecurePolicy = CookieSecurity(builder.Environment, demo);
            });
        builder.Services.AddOptions<OAuthOptions>(Scheme).Configure<WhoopOptions, SharedStateStore, IDataProtectionProvider, DemoOptions>((oauth, whoop, store, protection, demo) =>
        {
            oauth.CorrelationCookie.SecurePolicy = CookieSecurity(builder.Environment, demo);
            // Without credentials the scheme still exists; /login/whoop answers how to configure it instead of challenging.
            oauth.ClientId = whoop.ClientId ?? "not-configured";
            oauth.ClientSecret = whoop.ClientSecret ?? "not-configured";
            oauth.AuthorizationEndpoint = whoop.AuthorizationEndpoint.AbsoluteUri;
            oauth.TokenEndpoint = whoop.TokenEndpoint.AbsoluteUri;
            oauth.StateDataFormat = new ShortStateFormat(store, protection);
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    // Secure cookies everywhere but Development and the demo (both plain http on localhost; the demo's account is
    // simulated); behind a TLS proxy the app must believe its X-Forwarded-Proto (Access:TrustedProxies) or the cookies
    // would be set for a scheme the browser does not use.
    private static CookieSecurePolicy CookieSecurity(IWebHostEnvironment environment, DemoOptions demo) =>
        environment.IsDevelopment() || demo.Enabled ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>
    /// Where to go after signing in: a local path by the framework's own rule (<see cref="RedirectHttpResult.IsLocalUrl"/>:
    /// one leading slash, no scheme or host), and beyond it no backslash or control character anywhere — browsers read
    /// <c>/\evil</c> and <c>/&lt;tab&gt;/evil</c> as another site, and a newline cannot go into a Location header.
    /// Anything else goes to <c>/</c>.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 }
        && RedirectHttpResult.IsLocalUrl(returnUrl)
        && !returnUrl.StartsWith("~", StringComparison.Ordinal)
        && !returnUrl.Contains('\\')
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    public static WebApplication MapWhoopLogin(this WebApplication app)
    {
        app.MapGet("/login/whoop", (string? returnUrl, WhoopOptions options) =>
        {
            if (!options.HasClientCredentials)
            {
                return Results.Redirect($"/whoop?error={SignInErrors.NotConfigured}");
            }

            // No returnUrl: the WHOOP dashboard, where the connection shows.
            var target = returnUrl is null ? "/whoop" : SafeReturnUrl(returnUrl);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [Scheme]);
        }).WithTags("WHOOP").WithSummary("Connect WHOOP")
            .WithDescription("Signs in with WHOOP (OAuth) and stores the tokens.");

        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        }).RequireAntiforgeryToken().WithTags("WHOOP").WithSummary("Sign out")
            .WithDescription("Ends the owner's session (the WHOOP connection stays); the form is GET /logout.");

        app.MapPost(DisconnectPath, Disconnect).RequireAuthorization(Access.AccessPolicies.Owner).WithTags("WHOOP")
            .WithSummary("Disconnect WHOOP")
            .WithDescription("Revokes the grant at WHOOP, forgets the stored tokens and ends the session; stored WHOOP data stays (form post with an antiforgery token).");
        return app;
    }

    // A form post from the dashboard: checked for its antiforgery token here, since no form parameter is bound.
    private static async Task<IResult> Disconnect(HttpContext http, IAntiforgery antiforgery, WhoopRefreshService whoop)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Disconnect refused",
                detail: "The form's antiforgery token is missing or invalid; disconnect from the WHOOP dashboard.");
        }

        var revoked = await whoop.DisconnectAsync(http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(revoked ? "/whoop?disconnected=true" : "/whoop?disconnected=true&revoked=false");
    }

    private static async Task OnCreatingTicketAsync(OAuthCreatingTicketContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        // Through the API client, so the profile read waits on the app-wide WHOOP rate limiter and its retries like every other call.
        var profile = await services.GetRequiredService<WhoopApiClient>().GetProfileAsync(context.AccessToken!, ct);
        var userId = profile.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        switch (await services.GetRequiredService<WhoopOwnership>().ClaimAsync(userId, ct))
        {
            case OwnerClaim.Refused:
                throw new SignInRefusedException(SignInErrors.Refused);
            case OwnerClaim.OwnerUnknown:
                throw new SignInRefusedException(SignInErrors.OwnerUnknown);
        }

        var granted = GrantedScopes(context);
        if (!await services.GetRequiredService<WhoopTokenService>()
                .SaveOwnerTokensAsync(userId, context.AccessToken!, context.RefreshToken, ExpiresIn(context), granted, ct))
        {
            throw new SignInRefusedException(SignInErrors.Refused);
        }

        var body = granted.Split(' ').Contains(WhoopScopes.BodyMeasurement)
            ? await services.GetRequiredService<WhoopRefreshService>().TryGetBodyMeasurementAsync(context.AccessToken!, ct)
            : null;
        await services.GetRequiredService<WhoopProfileStore>().SaveAsync(profile, body, ct);
        context.Identity?.AddClaim(new Claim(UserIdClaim, userId));
        context.Identity?.AddClaim(new Claim(ClaimTypes.Name, $"{profile.FirstName} {profile.LastName}".Trim()));
    }

    // What the member agreed to, as WHOOP's token answer says (a scope left unticked is missing there); what was asked
    // for when the answer does not say.
    private static string GrantedScopes(OAuthCreatingTicketContext context) =>
        context.TokenResponse.Response?.RootElement.TryGetProperty("scope", out var scope) == true
        && scope.ValueKind == System.Text.Json.JsonValueKind.String && !string.IsNullOrWhiteSpace(scope.GetString())
            ? scope.GetString()!
            : string.Join(' ', WhoopScopes.Requested);

    private static int? ExpiresIn(OAuthCreatingTicketContext context) =>
        context.ExpiresIn is { } span ? (int)span.TotalSeconds : null;
}
