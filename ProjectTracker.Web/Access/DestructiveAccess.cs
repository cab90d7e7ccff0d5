using System.Net;
using System.Security.Claims;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Who may destroy data: hide or delete a project (and any delete to come). The owner — signed in, or a request carrying
/// <c>Access:ApiKey</c> for the API — whatever the access settings. An install with no access configured (neither
/// <c>Access:ApiKey</c> nor <c>Access:RequireLogin</c>) has no owner to ask, so there it is whoever uses the app on the
/// machine it runs on (a loopback address); anyone else may start refreshes, but not delete history.
/// </summary>
public sealed class DestructiveAccess(AccessOptions options, OwnerRule owner, RefreshAccess refresh)
{
    /// <summary>No access rule is set: refreshes are open to all, and destroying is for the local machine.</summary>
    public bool IsUnconfigured => options.ApiKey is null && !options.RequireLogin;

    /// <summary>Whether the dashboards offer hide and delete to this user, on a page opened from <paramref name="client"/>.</summary>
    public bool CanDestroy(ClaimsPrincipal user, IPAddress? client) =>
        owner.IsOwner(user) || (IsUnconfigured && IsLoopback(client));

    /// <summary>Whether this API request may destroy data.</summary>
    public bool IsAllowed(HttpContext http) =>
        CanDestroy(http.User, http.Connection.RemoteIpAddress) || refresh.KeyMatches(http.Request.Headers[AccessOptions.ApiKeyHeader]);

    /// <summary>What the page says to someone who may not do <paramref name="action"/> ("Tagging days"): how to become someone who may.</summary>
    public string HowToEnable(string action) => IsUnconfigured
        ? $"{action} is for the owner: open the dashboard on the machine the app runs on (localhost), or sign in with WHOOP (README, \"Access\")."
        : $"{action} is for the owner: sign in with WHOOP to do it.";

    /// <summary>What an API client that may not is told.</summary>
    public string HowToEnableWrites => IsUnconfigured
        ? "This changes the owner's data: call it from the machine the app runs on, or as the signed-in owner."
        : $"This changes the owner's data: send the {AccessOptions.ApiKeyHeader} header, or sign in with WHOOP as the owner.";

    private static bool IsLoopback(IPAddress? client) =>
        client is not null && IPAddress.IsLoopback(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);
}

public static class OwnerWriteExtensions
{
    /// <summary>
    /// The endpoint writes or destroys what only the owner may (<see cref="DestructiveAccess"/>): anyone else gets 403
    /// problem+json saying how to become someone who may.
    /// </summary>
    public static RouteHandlerBuilder RequireOwner(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(OwnerOnly.Instance).AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<DestructiveAccess>();
            return access.IsAllowed(context.HttpContext)
                ? await next(context)
                : Api.Problems.Create(StatusCodes.Status403Forbidden, "Owner only", access.HowToEnableWrites);
        }).ProducesProblem(StatusCodes.Status403Forbidden);
}

/// <summary>Endpoint metadata: only the owner may call it (<see cref="OwnerWriteExtensions.RequireOwner"/>), whatever the refresh rules.</summary>
public sealed class OwnerOnly
{
    public static readonly OwnerOnly Instance = new();

    private OwnerOnly()
    {
    }
}
