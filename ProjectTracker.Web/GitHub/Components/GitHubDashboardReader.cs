using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.GitHub.Components;

/// <summary>
/// The <c>/github</c> page's data, worked out once per GitHub snapshot and kept with it (<see cref="GitHubSnapshot.Derived"/>,
/// decision 0020): a hundred open pages hold one copy of the labels, charts and calendar, not a hundred; a page's second
/// load (the circuit after the prerender) reads nothing again; a new data version or a new day (the snapshot is read
/// again for both) builds it afresh.
/// </summary>
public sealed class GitHubDashboardReader(GitHubReadService github, CodingDaysReader coding, RestDays restDays)
{
    public OwnerCalendarOptions Calendar => coding.Owner.Calendar;

    public async Task<GitHubDashboardData> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await github.GetSnapshotAsync(cancellationToken);
        return await snapshot.Derived.OfAsync(typeof(GitHubDashboardData), () => BuildAsync(snapshot), cancellationToken);
    }

    // Not cancelled by the page that happened to start it: others wait for the same build.
    private async Task<GitHubDashboardData> BuildAsync(GitHubSnapshot snapshot)
    {
        var today = await coding.Owner.TodayAsync(CancellationToken.None);
        var projects = GitHubReadService.ListProjects(snapshot);
        var allLabels = new ProjectLabels(projects);
        var current = projects.Where(p => p.GoneAt is null).ToList();
        var activity = CommitActivity.Weekly(await github.ListDailyCommitsAsync(cancellationToken: CancellationToken.None));
        var year = DateRange.LastDays(365, today);
        var calendar = ActivityCalendar.Build(await coding.ReadAsync(year, cancellationToken: CancellationToken.None), today);
        var rest = await restDays.ReadAsync(year, CancellationToken.None);
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
            allLabels,
            snapshot.Derived);
    }
}
