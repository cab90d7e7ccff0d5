using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Two small pages that must work without the dashboards (which may be behind the login): the sign-out form, whose
/// POST carries an antiforgery token, and the page a refused WHOOP sign-in lands on.
/// </summary>
public static class AccessPages
{
    public const string LogoutPath = "/logout";
    public const string RefusedPath = "/login/refused";

    public static IEndpointRouteBuilder MapAccessPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(LogoutPath, (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Page("Sign out", $"""
                <form method="post" action="{LogoutPath}">
                  <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}" />
                  <button type="submit">Sign out</button> <a href="/">Cancel</a>
                </form>
                """);
        }).WithTags("Access").WithSummary("The sign-out form (POST /logout needs its antiforgery token)").ExcludeFromDescription();

        routes.MapGet(RefusedPath, (string? error) => Page("Sign-in refused",
                $"<p>{Encode(Whoop.SignInErrors.Describe(error))}</p><p><a href=\"/login/whoop\">Try again</a></p>"))
            .WithTags("Access").ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// The POST is refused (400 problem) unless it carries the antiforgery token of the form above: another site cannot
    /// sign the owner out.
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                ? Problems.Create(StatusCodes.Status400BadRequest, "Invalid antiforgery token",
                    $"The form was not sent from this app, or is too old. Open {LogoutPath} and submit it again.")
                : await next(context));

    /// <summary>A page that says why something is not available here and what to set (for browsers that would otherwise be sent in circles).</summary>
    public static IResult Unavailable(string title, string body) =>
        Results.Content(PageHtml(title, body), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Page(string title, string body) => Results.Content(PageHtml(title, body), "text/html; charset=utf-8");

    private static string PageHtml(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><title>{Encode(title)} · Project Tracker</title></head>
        <body><h1>{Encode(title)}</h1>
        {body}
        </body></html>
        """;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
