namespace ProjectTracker.Web.Access;

/// <summary>The named policy for the owner only (<c>/hangfire</c>, WHOOP disconnect).</summary>
public static class AccessPolicies
{
    public const string Owner = "Owner";
}
