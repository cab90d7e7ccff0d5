using System.Globalization;

namespace ProjectTracker.Web.Tests.Scale;

/// <summary>
/// SPEC "GitHub sync" recurring refresh with several instances: the schedule fires once per due time, not once per
/// process. Not in <see cref="ScaleProcessesCollection"/>: it mostly waits for the clock, so it runs beside those tests.
/// </summary>
public sealed class RecurringRefreshTests
{
    private const string ScheduledRuns = "hangfire.job WHERE invocationdata::text LIKE '%GitHubScheduledRefresh%'";
    private const int Periods = 3;
    private const int PeriodSeconds = 5;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(PeriodSeconds);

    /// <summary>
    /// A schedule with seconds, each instance asking every second whether it is due, so three periods pass in 15 s rather
    /// than three minutes; what competes for each due time is the same: two schedulers on one database.
    /// Deterministic despite a real clock: the periods examined start at the first boundary after both processes answer
    /// and have run a first (slower) refresh, so both schedulers competed for each; and the counts are taken only once the run of the period after them exists —
    /// each scheduler asks every second, so by then a second firing of an examined period would have been made.
    /// </summary>
    [Fact]
    public async Task ScheduledRefresh_EveryFiveSecondsOnTwoProcesses_FiresOncePerPeriod()
    {
        await using var cluster = await AppCluster.CreateAsync(new Dictionary<string, string>
        {
            ["GitHub__RefreshSchedule"] = $"*/{PeriodSeconds} * * * * *",
            ["Jobs__SchedulePollingInterval"] = "00:00:01",
        });
        SimulatedRepositories.Add(cluster.Simulator, 2);
        await Task.WhenAll(cluster.StartInstanceAsync(), cluster.StartInstanceAsync());
        // The first refresh of a cold process may outlast a period, and the next firing would rightly join it.
        await cluster.WaitUntilAsync(
            async () => (await cluster.RowsAsync("SELECT id FROM refresh_job WHERE trigger = 'scheduled' AND status = 'completed'")).FirstOrDefault(),
            "a first scheduled refresh to complete", Until(DateTime.UtcNow + Period));
        var upAt = DateTime.UtcNow;
        var first = new DateTime(upAt.Ticks - (upAt.Ticks % Period.Ticks), DateTimeKind.Utc) + Period;
        var bounds = Enumerable.Range(0, Periods + 1).Select(i => first + (i * Period)).ToArray();

        var completed = new List<string>();
        for (var i = 0; i < Periods; i++)
        {
            var from = Sql(bounds[i]);
            completed.Add(await cluster.WaitUntilAsync(
                async () => (await cluster.RowsAsync(
                    $"SELECT id FROM refresh_job WHERE trigger = 'scheduled' AND status = 'completed' AND started_at >= '{from}' ORDER BY started_at")).FirstOrDefault(),
                $"a scheduled refresh at or after {from} to complete", Until(bounds[i + 1])));
        }

        var after = Sql(bounds[Periods]);
        await cluster.WaitUntilAsync(
            async () => await cluster.ScalarAsync($"SELECT COUNT(*) FROM {ScheduledRuns} AND createdat >= '{after}+00'") > 0 ? "fired" : null,
            $"the next period's scheduled run (at or after {after})", Until(bounds[Periods] + Period));

        for (var i = 0; i < Periods; i++)
        {
            var (from, to) = (Sql(bounds[i]), Sql(bounds[i + 1]));
            var firings = await cluster.RowsAsync($"SELECT id, createdat FROM {ScheduledRuns} AND createdat >= '{from}+00' AND createdat < '{to}+00'");
            var jobs = await cluster.RowsAsync(
                $"SELECT id, status FROM refresh_job WHERE trigger = 'scheduled' AND started_at >= '{from}' AND started_at < '{to}'");
            Assert.True(firings.Count == 1, $"The schedule fired {firings.Count} times for {from}: {string.Join(", ", firings)}\n{cluster.Describe()}");
            Assert.True(jobs.SequenceEqual([$"{completed[i]} | completed"]),
                $"Scheduled refreshes started in [{from}, {to}): {string.Join(", ", jobs)}; all: {string.Join(", ", await cluster.RowsAsync(
                    "SELECT id, status, started_at FROM refresh_job ORDER BY started_at"))}; firings: {string.Join(", ", await cluster.RowsAsync(
                    $"SELECT id, createdat FROM {ScheduledRuns} ORDER BY createdat"))}");
        }
    }

    /// <summary>From now until well after <paramref name="utc"/>: a loaded machine may start a due run late.</summary>
    private static TimeSpan Until(DateTime utc) => utc - DateTime.UtcNow + TimeSpan.FromSeconds(30);

    // refresh_job stores UTC in "timestamp without time zone"; Hangfire's createdat gets an explicit +00 where compared.
    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
