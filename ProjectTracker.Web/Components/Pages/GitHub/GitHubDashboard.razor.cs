using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Components.Charts;

namespace ProjectTracker.Web.Components.Pages.GitHub;

public partial class GitHubDashboard
{
    [Inject]
    private GitHubReadService GitHub { get; set; } = null!;

    [Inject]
    private GitHubOptions Options { get; set; } = null!;

    [Inject]
    private CodingDaysReader Coding { get; set; } = null!;

    private DashboardData? _data;
    private string? _error;

    private string? LastRefreshedCaption =>
        _data?.Metrics.LastRefreshedAt is { } at ? $"Refreshed {at:yyyy-MM-dd HH:mm} UTC" : null;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task OnJobFinishedAsync(RefreshJob job)
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task OnProjectsChangedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        try
        {
            var projects = await GitHub.ListProjectsAsync(ProjectSort.LastCommit);
            var metrics = await GitHub.GetMetricsAsync();
            var activity = CommitActivity.Weekly(await GitHub.ListDailyCommitsAsync());
            var today = await Coding.Owner.TodayAsync();
            var calendar = ActivityCalendar.Build(await Coding.ReadAsync(DateRange.LastDays(365, today)), today);
            _data = new DashboardData(
                projects,
                metrics,
                metrics.LanguagesBreakdown.Select(l => new LabelledValue(l.Key, l.Value.ProjectCount)).ToList(),
                projects.Where(p => p.CommitCount > 0).Select(p => new LabelledValue(ProjectLabels.Label(p, projects), p.CommitCount!.Value)).ToList(),
                activity,
                projects.Count(p => p.LocEstimated),
                calendar,
                projects.Where(p => p.GoneAt is null).ToList(),
                projects.Where(p => p.GoneAt is not null).OrderByDescending(p => p.GoneAt).ToList());
            _error = null;
        }
        catch (Exception e)
        {
            // Keep what was shown before a failed reload; the message says why the numbers did not change.
            _error = e.Message;
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private sealed record DashboardData(
        IReadOnlyList<Project> Projects,
        GitHubMetrics Metrics,
        IReadOnlyList<LabelledValue> Languages,
        IReadOnlyList<LabelledValue> TopProjects,
        IReadOnlyList<WeeklyCommitCount> Activity,
        int EstimatedLocProjects,
        ActivityCalendar Calendar,
        IReadOnlyList<Project> Current,
        IReadOnlyList<Project> Gone);
}
