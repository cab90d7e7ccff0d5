namespace ProjectTracker.Web.Components.Pages.Overview;

/// <summary>The WHOOP connection for people: a short state, what to do about it, and where.</summary>
public sealed record WhoopConnectionSummary(bool Connected, string State, string? Advice, string? ConnectUrl);
