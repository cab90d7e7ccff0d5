using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ProjectTracker.Web.Access;

/// <summary>
/// The person on a dashboard circuit as the access rules see them: whether the page offers refresh buttons (the same
/// rule as the refresh endpoints) and owner-only controls such as Disconnect.
/// </summary>
public sealed class DashboardUser(AuthenticationStateProvider authentication, RefreshAccess refresh, OwnerRule owner)
{
    public async Task<bool> CanRefreshAsync() => refresh.CanRefresh(await UserAsync());

    public async Task<bool> IsOwnerAsync() => owner.IsOwner(await UserAsync());

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
