using Microsoft.AspNetCore.Authorization;

namespace ProjectTracker.Web.Access;

/// <summary>
/// The fallback rule for every endpoint without a policy of its own: refresh requests by <see cref="RefreshAccess"/>;
/// everything else public, or with <c>Access:RequireLogin</c> the owner's except <see cref="AccessRequests.IsPublic"/>.
/// </summary>
public sealed class AccessRequirement : IAuthorizationRequirement;
