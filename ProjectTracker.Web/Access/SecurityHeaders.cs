using System.Security.Cryptography;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Headers on every answer: a Content-Security-Policy, nosniff, no framing, a same-origin referrer. The dashboards' policy
/// allows scripts from this site only (plus the import map Blazor writes inline, by nonce), inline styles (MudBlazor sets
/// style attributes and writes its theme as a style element) and connections to this site only (the circuit's WebSocket). <c>/scalar</c> and
/// <c>/hangfire</c> are third-party pages with their own needs, each relaxed only as far as it has to be.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    private const string Common = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The per-request nonce for an inline script the app itself writes (<c>&lt;ImportMap nonce=…&gt;</c>).</summary>
    public static string Nonce(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("SecurityHeaders.Apply has not run for this request.");

    /// <summary>The policy for a request's path.</summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/scalar"))
        {
            // Scalar's page starts itself with an inline module script; everything else it loads comes from this host
            // (Api/ApiReference.cs turns off its web fonts and cloud features).
            return $"{Common}; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                   + "font-src 'self' data:; connect-src 'self'";
        }

        if (path.StartsWithSegments("/hangfire"))
        {
            return $"{Common}; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
        }

        return $"{Common}; script-src 'self' 'nonce-{Nonce(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               + "font-src 'self' data:; connect-src 'self'"; // 'self' covers the circuit's ws(s):// to this host (CSP Level 3)
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Items[NonceKey] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing to escape in HTML
        // At the start of the response, so answers written after an exception handler cleared the headers get them too. Set,
        // not added: Blazor writes its own milder frame-ancestors policy, which this one includes.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
