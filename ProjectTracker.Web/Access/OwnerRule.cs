using System.Security.Claims;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Whether a user is the owner: signed in through WHOOP (only the owner's sign-in is accepted, see <see cref="WhoopLogin"/>)
/// and, when <c>Owner:WhoopUserId</c> is set, that very account — so a session from before the setting changed stops counting.
/// </summary>
public sealed class OwnerRule(OwnerOptions owner)
{
    public bool IsOwner(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst(WhoopLogin.UserIdClaim)?.Value is { Length: > 0 } id
        && (owner.WhoopUserId is not { } configured || configured == id);
}
