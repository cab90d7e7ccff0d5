using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub;

/// <summary>
/// What the projects list and the metrics are computed from, read once and shared: never modified. The list's orders
/// are derived from it once each and kept in <see cref="Derived"/>, so a new snapshot (a new data version) brings new orders.
/// </summary>
/// <param name="projects">The projects the owner has not hidden, by id.</param>
public sealed class GitHubSnapshot(IReadOnlyList<Project> projects, GitHubMetrics metrics)
{
    /// <summary>The projects the owner has not hidden, by id.</summary>
    public IReadOnlyList<Project> Projects => projects;

    public GitHubMetrics Metrics => metrics;

    /// <summary>What the dashboard works out from this snapshot, kept with it (decision 0020).</summary>
    public DerivedData Derived { get; } = new();

    /// <summary>
    /// The projects in the API's order (<see cref="ProjectOrdering.Sort"/>), sorted once per snapshot and shared: the same
    /// list instance on every call, never modified.
    /// </summary>
    public IReadOnlyList<Project> InOrder(ProjectSort sort, bool descending) =>
        Derived.Of((sort, descending), () => ProjectOrdering.Sort(projects, sort, descending));
}
