namespace ProjectTracker.Web.Whoop;

/// <summary>The result of a sign-in's claim on the app.</summary>
public enum OwnerClaim
{
    /// <summary>This account owns the app (now, or already did).</summary>
    Owner,

    /// <summary>Another account owns the app: nothing was changed.</summary>
    Refused,

    /// <summary>Tokens from the old variables are stored whose account WHOOP could not name right now: try again later.</summary>
    OwnerUnknown,
}
