using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.Components.Pages.Overview;

public sealed record GitHubOverview(bool Configured, GitHubMetrics Metrics, RefreshJob? LastJob);
