using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.GitHub.Components;

/// <summary>Everything <c>/github</c> shows, computed once per data version and shared by every open page: never modified.</summary>
/// <param name="Derived">The snapshot's derived data, where the page's charts and rows keep their drawings.</param>
public sealed record GitHubDashboardData(
    IReadOnlyList<Project> Projects,
    GitHubMetrics Metrics,
    IReadOnlyList<LabelledValue> Languages,
    IReadOnlyList<LabelledValue> TopProjects,
    IReadOnlyList<WeeklyCommitCount> Activity,
    int EstimatedLocProjects,
    ActivityCalendar Calendar,
    IReadOnlySet<DateOnly> RestDays,
    IReadOnlyList<Project> Current,
    ProjectLabels CurrentLabels,
    IReadOnlyList<Project> Gone,
    ProjectLabels AllLabels,
    DerivedData Derived);
