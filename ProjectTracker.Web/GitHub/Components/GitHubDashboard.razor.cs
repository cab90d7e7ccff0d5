using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.GitHub.Components;

public partial class GitHubDashboard
{
    [Inject]
    private GitHubDashboardReader Dashboard { get; set; } = null!;

    [Inject]
    private GitHubOptions Options { get; set; } = null!;

    private GitHubDashboardData? _data;
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
            _data = await Dashboard.GetAsync(CancellationToken.None);
            _error = null;
        }
        catch (Exception e)
        {
            // Keep what was shown before a failed reload; the message says why the numbers did not change.
            _error = e.Message;
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
