namespace ProjectTracker.Web.Components.Setup;

/// <summary>What is configured so far, for the setup guide.</summary>
public sealed record SetupStatus(bool Demo, bool GitHubConfigured, bool WhoopAppConfigured, bool WhoopConnected)
{
    /// <summary>Neither side configured (and not the demo): <c>/</c> shows the setup guide instead of empty dashboards.</summary>
    public bool NothingConfigured => !Demo && !GitHubConfigured && !WhoopAppConfigured;
}
