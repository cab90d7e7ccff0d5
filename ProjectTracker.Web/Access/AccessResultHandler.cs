using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

/// <summary>
/// How a refusal is answered: a browser asking for a page goes to the WHOOP login and comes back; scripts and API clients
/// get 401 problem+json saying what to send (403 when signed in but not the owner).
/// </summary>
internal sealed class AccessResultHandler(AccessOptions options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var request = context.Request;
        if (AccessRequests.IsRefresh(request))
        {
            var detail = options.ApiKey is null
                ? $"Refreshing needs the owner's login: open {WhoopEndpoints.ConnectPath} in a browser and sign in with WHOOP."
                : $"Refreshing needs the API key in the {AccessOptions.ApiKeyHeader} header, or the owner's login.";
            var extensions = options.ApiKey is null ? null : new Dictionary<string, object?> { ["header"] = AccessOptions.ApiKeyHeader };
            await Problems.Create(StatusCodes.Status401Unauthorized, options.ApiKey is null ? "Login required" : "API key required", detail, extensions)
                .ExecuteAsync(context);
        }
        else if (authorizeResult.Forbidden)
        {
            await Problems.Create(StatusCodes.Status403Forbidden, "Owner only",
                "This part of the app is for its owner; you are signed in with another account. POST /logout ends that session.").ExecuteAsync(context);
        }
        else if (AccessRequests.IsPageNavigation(request))
        {
            // Only the path and query: the login's own open-redirect guard accepts local paths only.
            var returnUrl = $"{request.PathBase}{request.Path}{request.QueryString}";
            context.Response.Redirect($"{request.PathBase}{WhoopEndpoints.ConnectPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        else
        {
            await Problems.Create(StatusCodes.Status401Unauthorized, "Login required",
                $"This app is private. Open {WhoopEndpoints.ConnectPath} in a browser and sign in as the owner.").ExecuteAsync(context);
        }
    }
}
