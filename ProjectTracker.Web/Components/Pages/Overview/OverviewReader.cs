using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Components.Pages.Overview;

/// <summary>The headline numbers of both dashboards for <c>/</c>, read from the domain services in one go.</summary>
public sealed class OverviewReader(
    GitHubReadService github, GitHubOptions githubOptions, WhoopReadService whoop, WhoopTokenService whoopTokens,
    WhoopOptions whoopOptions, CodingLoadReader load)
{
    // The newest record may not be scored yet (WHOOP scores it minutes to hours later): show the newest scored one
    // within this many days; anything older is not "the latest" any more.
    private const int LookbackDays = 14;

    public async Task<GitHubOverview> ReadGitHubAsync(CancellationToken cancellationToken = default)
    {
        var metrics = await github.GetMetricsAsync(cancellationToken);
        var lastJob = (await github.ListJobsAsync(1, cancellationToken)).FirstOrDefault();
        return new GitHubOverview(githubOptions.IsConfigured, metrics, lastJob);
    }

    /// <summary>Whether any project's lines of code are estimated (so the total is partly an estimate).</summary>
    public Task<bool> AnyEstimatedLocAsync(CancellationToken cancellationToken = default) =>
        github.AnyEstimatedLocAsync(cancellationToken);

    /// <summary>"Coding load is 1.7× your usual while recovery is trending down" while today is flagged, else null.</summary>
    public async Task<string?> ReadLoadWarningAsync(CancellationToken cancellationToken = default)
    {
        var today = await whoop.GetTodayAsync(cancellationToken);
        var days = await load.ReadAsync(new DateRange(today, today), cancellationToken);
        return days.Count == 0 ? null : CodingLoad.Warning(days[^1]);
    }

    public async Task<WhoopOverview> ReadWhoopAsync(CancellationToken cancellationToken = default)
    {
        // One snapshot for the day and the three lists (each call would take the current one).
        var snapshot = await whoop.GetSnapshotAsync(cancellationToken);
        var range = DateRange.LastDays(LookbackDays, whoop.TodayOf(snapshot));
        var recoveries = snapshot.Recoveries.In(range);
        var sleeps = snapshot.Sleeps.In(range);
        var cycles = snapshot.Cycles.In(range);
        var lastSync = await whoop.GetLastSyncAsync(cancellationToken);
        return new WhoopOverview(
            Connection(await whoopTokens.GetStateAsync(cancellationToken)),
            recoveries.FirstOrDefault(r => r.IsScored()),
            sleeps.FirstOrDefault(s => !s.IsNap && s.IsScored()),
            cycles.FirstOrDefault(c => c.IsScored()),
            lastSync);
    }

    private WhoopConnectionSummary Connection(WhoopConnectionState state) => WhoopAdvice.KindOf(whoopOptions, state) switch
    {
        WhoopConnectionKind.ReconnectRequired => new(false, "Reconnect needed", WhoopAdvice.ReconnectRequired, WhoopEndpoints.ConnectPath),
        WhoopConnectionKind.Connected => new(true, "Connected", null, null),
        WhoopConnectionKind.NotConnected => new(false, "Not connected",
            "Connect your WHOOP account to sync recovery, sleep and strain.", WhoopEndpoints.ConnectPath),
        _ => new(false, "Not configured", WhoopAdvice.NotConfigured, null),
    };
}
