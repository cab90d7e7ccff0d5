namespace ProjectTracker.Web.Whoop;

/// <summary><c>Owner:WhoopUserId</c>: the one account that may own the app, when set.</summary>
public sealed record OwnerSetting(string? WhoopUserId);
