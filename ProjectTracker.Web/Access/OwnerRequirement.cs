using Microsoft.AspNetCore.Authorization;

namespace ProjectTracker.Web.Access;

/// <summary>The owner, by <see cref="OwnerRule"/>.</summary>
public sealed class OwnerRequirement : IAuthorizationRequirement;
