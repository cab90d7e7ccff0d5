using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ProjectTracker.Web.Access;

/// <summary>
/// The person on a dashboard circuit as the access rules see them: whether the page offers refresh buttons (the same
/// rule as the refresh endpoints), owner-only controls such as Disconnect, and destructive ones such as Delete.
/// </summary>
public sealed class DashboardUser(
    AuthenticationStateProvider authentication, RefreshAccess refresh, DestructiveAccess destructive, OwnerRule owner, ClientBudgets budgets,
    IHttpContextAccessor http)
{
    // The circuit's client, as the HTTP budgets know it: its address when the circuit started (the request that opened it).
    private readonly string _client = http.HttpContext is { } context ? AccessExtensions.ClientKey(context) : "circuit";
    private readonly IPAddress? _address = http.HttpContext?.Connection.RemoteIpAddress;

    /// <summary>
    /// Spends the client's allowance for a refresh started from the page (the same budget as the refresh endpoints):
    /// null when admitted, else what to tell the user.
    /// </summary>
    public string? TrySpend(Budget budget) =>
        budgets.TryTake(budget, _client, out var retryAfter) is null
            ? AccessExtensions.TooManyDetail(budget, budgets.PermitsPerMinute(budget), Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)))
            : null;

    public async Task<bool> CanRefreshAsync() => refresh.CanRefresh(await UserAsync());

    public async Task<bool> IsOwnerAsync() => owner.IsOwner(await UserAsync());

    /// <summary>Whether the page offers hiding and deleting (<see cref="DestructiveAccess"/>).</summary>
    public async Task<bool> CanDestroyAsync() => destructive.CanDestroy(await UserAsync(), _address);

    /// <summary>What to do to be offered <paramref name="action"/> ("Hiding and deleting projects").</summary>
    public string HowToEnable(string action) => destructive.HowToEnable(action);

    private async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;
}
