using Microsoft.AspNetCore.Authorization;

namespace ProjectTracker.Web.Access;

internal sealed class AccessHandler(AccessOptions options, OwnerRule owner, RefreshAccess refresh) : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        // Endpoint routing passes the request as the resource, also for requests no endpoint matched.
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var allowed = AccessRequests.IsRefresh(http.Request)
            ? refresh.IsAllowed(http)
            : !options.RequireLogin || AccessRequests.IsPublic(http) || owner.IsOwner(context.User);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
