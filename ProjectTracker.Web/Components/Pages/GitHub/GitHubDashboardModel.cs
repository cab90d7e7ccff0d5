using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Components.Pages.GitHub;

/// <summary>
/// The <c>/github</c> page's data, built once per GitHub snapshot and owner's day and shared by every circuit (and the
/// prerender): a hundred open pages hold one copy of the labels, charts and calendar, not a hundred, and a page's
/// second load (the circuit after the prerender) reads nothing again.
/// </summary>
public sealed class GitHubDashboardModel(GitHubReadService github, CodingDaysReader coding)
{
    private readonly Lock _lock = new();
    private (GitHubSnapshot Snapshot, DateOnly Today, Task<GitHubDashboardData> Data)? _last;

    public OwnerCalendarOptions Calendar => coding.Owner.Calendar;

    public async Task<GitHubDashboardData> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await github.GetSnapshotAsync(cancellationToken);
        var today = await coding.Owner.TodayAsync(cancellationToken);
        Task<GitHubDashboardData> data;
        lock (_lock)
        {
            // A failed build is not kept: the next page tries again.
            if (_last is not { } last || last.Snapshot != snapshot || last.Today != today || last.Data.IsFaulted || last.Data.IsCanceled)
            {
                last = (snapshot, today, BuildAsync(snapshot, today));
                _last = last;
            }

            data = last.Data;
        }

        return await data.WaitAsync(cancellationToken);
    }

    // Not cancelled by the page that happened to start it: others wait for the same build.
    private async Task<GitHubDashboardData> BuildAsync(GitHubSnapshot snapshot, DateOnly today)
    {
        var projects = GitHubReadService.ListProjects(snapshot);
        var allLabels = new ProjectLabels(projects);
        var current = projects.Where(p => p.GoneAt is null).ToList();
        var activity = CommitActivity.Weekly(await github.ListDailyCommitsAsync());
        var calendar = ActivityCalendar.Build(await coding.ReadAsync(DateRange.LastDays(365, today)), today);
        return new GitHubDashboardData(
            projects,
            snapshot.Metrics,
            snapshot.Metrics.LanguagesBreakdown.Select(l => new LabelledValue(l.Key, l.Value.ProjectCount)).ToList(),
            projects.Where(p => p.CommitCount > 0).Select(p => new LabelledValue(allLabels.Label(p), p.CommitCount!.Value)).ToList(),
            activity,
            projects.Count(p => p.LocEstimated),
            calendar,
            current,
            new ProjectLabels(current),
            projects.Where(p => p.GoneAt is not null).OrderByDescending(p => p.GoneAt).ToList(),
            allLabels);
    }
}
