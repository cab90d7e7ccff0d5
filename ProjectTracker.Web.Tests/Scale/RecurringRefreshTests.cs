using System.Globalization;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// SPEC "GitHub sync" recurring refresh with several instances: the schedule fires once per due time, not once per
/// process. Not in <see cref="ScaleProcessesCollection"/>: it mostly waits for the clock, so it runs beside those tests.
/// </summary>
public sealed class RecurringRefreshTests
{
    private const string ScheduledRuns = "hangfire.job WHERE invocationdata::text LIKE '%GitHubScheduledRefresh%'";

    /// <summary>
    /// Deterministic despite a real clock: the minute examined is the first boundary after both processes answer, so both
    /// schedulers competed for it; and the counts are taken only once the next minute's run exists — each scheduler polls
    /// at least once a minute, so by then a second firing of the examined minute would have been made.
    /// </summary>
    [Fact]
    public async Task ScheduledRefresh_EveryMinuteOnTwoProcesses_FiresOncePerMinute()
    {
        await using var cluster = await AppCluster.CreateAsync(new Dictionary<string, string> { ["GitHub__RefreshSchedule"] = "* * * * *" });
        SimulatedRepositories.Add(cluster.Simulator, 2);
        await Task.WhenAll(cluster.StartInstanceAsync(), cluster.StartInstanceAsync());
        var upAt = DateTime.UtcNow;
        var minute = new DateTime(upAt.Ticks - (upAt.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(1);
        var (from, to) = (Sql(minute), Sql(minute.AddMinutes(1)));

        var completed = await cluster.WaitUntilAsync(
            async () => (await cluster.RowsAsync(
                $"SELECT id FROM refresh_job WHERE trigger = 'scheduled' AND status = 'completed' AND started_at >= '{from}'")).FirstOrDefault(),
            $"a scheduled refresh at or after {from} to complete", minute - upAt + TimeSpan.FromSeconds(75));
        await cluster.WaitUntilAsync(
            async () => await cluster.ScalarAsync($"SELECT COUNT(*) FROM {ScheduledRuns} AND createdat >= '{to}+00'") > 0 ? "fired" : null,
            $"the next minute's scheduled run (at or after {to})", minute.AddMinutes(1) - DateTime.UtcNow + TimeSpan.FromSeconds(75));

        var firings = await cluster.RowsAsync($"SELECT id, createdat FROM {ScheduledRuns} AND createdat >= '{from}+00' AND createdat < '{to}+00'");
        var jobs = await cluster.RowsAsync(
            $"SELECT id, status FROM refresh_job WHERE trigger = 'scheduled' AND started_at >= '{from}' AND started_at < '{to}'");
        Assert.True(firings.Count == 1, $"The schedule fired {firings.Count} times for {from}: {string.Join(", ", firings)}\n{cluster.Describe()}");
        Assert.Equal($"{completed} | completed", Assert.Single(jobs));
    }

    // refresh_job stores UTC in "timestamp without time zone"; Hangfire's createdat gets an explicit +00 where compared.
    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
