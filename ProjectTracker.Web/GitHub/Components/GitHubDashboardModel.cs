using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.GitHub.Components;

/// <summary>
/// The <c>/github</c> page's data, built once per data version and shared by every circuit and the prerender
/// (<see cref="ReadModel{TSnapshot}"/>): a hundred open pages hold one copy of the labels, charts and calendar, not a
/// hundred; a page's second load (the circuit after the prerender) reads nothing again; and under steady traffic the
/// next build (two grouped queries over the commits) starts ahead of time, so no page waits for it.
/// </summary>
public sealed class GitHubDashboardModel(
    GitHubReadService github, CodingDaysReader coding, DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null,
    RestDays? restDays = null)
    : ReadModel<GitHubDashboardData>(version, time, maxAge, changes)
{
    public OwnerCalendarOptions Calendar => coding.Owner.Calendar;

    /// <summary>The calendar ends on the owner's today: a new day draws it again even when no data changed.</summary>
    protected override async Task<string> DependsOnAsync(CancellationToken cancellationToken) =>
        (await coding.Owner.TodayAsync(cancellationToken)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task<GitHubDashboardData> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await github.GetSnapshotAsync(cancellationToken);
        var today = await coding.Owner.TodayAsync(cancellationToken);
        var projects = GitHubReadService.ListProjects(snapshot);
        var allLabels = new ProjectLabels(projects);
        var current = projects.Where(p => p.GoneAt is null).ToList();
        var activity = CommitActivity.Weekly(await github.ListDailyCommitsAsync(cancellationToken: cancellationToken));
        var year = DateRange.LastDays(365, today);
        var calendar = ActivityCalendar.Build(await coding.ReadAsync(year, cancellationToken: cancellationToken), today);
        var rest = restDays is null ? new HashSet<DateOnly>() : await restDays.ReadAsync(year, cancellationToken);
        return new GitHubDashboardData(
            projects,
            snapshot.Metrics,
            snapshot.Metrics.LanguagesBreakdown.Select(l => new LabelledValue(l.Key, l.Value.ProjectCount)).ToList(),
            projects.Where(p => p.CommitCount > 0).Select(p => new LabelledValue(allLabels.Label(p), p.CommitCount!.Value)).ToList(),
            activity,
            projects.Count(p => p.LocEstimated),
            calendar,
            rest,
            current,
            new ProjectLabels(current),
            projects.Where(p => p.GoneAt is not null).OrderByDescending(p => p.GoneAt).ToList(),
            allLabels);
    }
}
