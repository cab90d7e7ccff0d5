using Microsoft.AspNetCore.Authorization;

namespace ProjectTracker.Web.Access;

internal sealed class OwnerHandler(OwnerRule owner) : AuthorizationHandler<OwnerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement)
    {
        if (owner.IsOwner(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
