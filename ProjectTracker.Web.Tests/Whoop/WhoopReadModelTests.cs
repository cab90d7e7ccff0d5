using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Tests.Integration;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// The shared WHOOP read model answers exactly what the database queries answer: the same records in the same order for
/// any range (time-zone changes, naps, pending records and the old app's rows without a day included), the same
/// "latest", the same metrics, and JSON byte for byte what serializing the records would write.
/// </summary>
public class WhoopReadModelTests : ConnectedWhoopApp
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private async Task FillAsync()
    {
        PopulateWhoop(days: 200);
        await App.Services.GetRequiredService<WhoopRangeSync>().SyncAsync(DateRange.LastDays(200, Today), "test", CancellationToken.None);
        // Rows the old app wrote: no local day, so listed by their UTC start.
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        var start = App.Clock.GetUtcNow().UtcDateTime.Date.AddDays(-3).AddHours(23.5);
        db.WhoopWorkouts.Add(new WhoopWorkout { WorkoutId = "old-1", StartTime = start, EndTime = start.AddHours(1), Strain = 9.1, Calories = 2000 });
        db.WhoopCycles.Add(new WhoopCycle { CycleId = "old-c", StartTime = start.AddDays(-300), Strain = 11.2 });
        await db.SaveChangesAsync();
    }

    private IEnumerable<DateRange> Ranges() =>
    [
        DateRange.LastDays(1, Today), DateRange.LastDays(7, Today), DateRange.LastDays(30, Today),
        DateRange.LastDays(365, Today), DateRange.LastDays(DateRange.MaxDays, Today),
        new(Today.AddDays(-130), Today.AddDays(-61)), new(Today.AddDays(-61), Today.AddDays(-59)),
        new(Today.AddDays(5), Today.AddDays(9)),
    ];

    [Fact]
    public async Task Lists_AnyRange_SameRecordsInTheSameOrderAsTheDatabaseQueries()
    {
        await FillAsync();
        var whoop = App.Services.GetRequiredService<WhoopReadService>();
        await using var db = OtherProcess.CreateDbContext();

        foreach (var range in Ranges())
        {
            Assert.Equal(await WhoopReadService.Recoveries(db, range).Select(r => r.Id).ToListAsync(),
                (await whoop.ListRecoveriesAsync(range)).Select(r => r.Id));
            Assert.Equal(await WhoopReadService.Sleeps(db, range).Select(s => s.Id).ToListAsync(),
                (await whoop.ListSleepsAsync(range)).Select(s => s.Id));
            Assert.Equal(await WhoopReadService.Workouts(db, range).Select(w => w.Id).ToListAsync(),
                (await whoop.ListWorkoutsAsync(range)).Select(w => w.Id));
            Assert.Equal(await WhoopReadService.Cycles(db, range).Select(c => c.Id).ToListAsync(),
                (await whoop.ListCyclesAsync(range)).Select(c => c.Id));
        }

        var year = DateRange.LastDays(365, Today);
        Assert.True((await whoop.ListRecoveriesAsync(year)).Count > 150);
        Assert.Contains(await whoop.ListWorkoutsAsync(year), w => w.WorkoutId == "old-1");
        Assert.Contains(await whoop.ListCyclesAsync(year), c => c.CycleId == "old-c");
        Assert.Contains(await whoop.ListSleepsAsync(year), s => s.IsNap);
    }

    [Fact]
    public async Task MetricsAndLatest_SameAsComputedFromTheDatabase()
    {
        await FillAsync();
        var whoop = App.Services.GetRequiredService<WhoopReadService>();
        await using var db = OtherProcess.CreateDbContext();

        foreach (var range in Ranges())
        {
            var expected = WhoopMetrics.Compute(range,
                await WhoopReadService.Recoveries(db, range).ToListAsync(), await WhoopReadService.Sleeps(db, range).ToListAsync(),
                await WhoopReadService.Workouts(db, range).ToListAsync(), await WhoopReadService.Cycles(db, range).ToListAsync());
            Assert.Equal(expected, await whoop.GetMetricsAsync(range));
        }

        var latestRecovery = await db.WhoopRecoveries.Where(WhoopScoring.ScoredRecovery)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).FirstAsync();
        var latestNight = await db.WhoopSleeps.Where(WhoopScoring.ScoredSleep).Where(s => !s.IsNap)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.EndTime).ThenByDescending(s => s.Id).FirstAsync();
        Assert.Equal(latestRecovery.Id, (await whoop.LatestRecoveryAsync())?.Id);
        Assert.Equal(latestNight.Id, (await whoop.LatestSleepAsync())?.Id);
    }

    [Theory]
    [InlineData("recovery")]
    [InlineData("sleep")]
    [InlineData("workouts")]
    [InlineData("cycles")]
    public async Task ListAnswers_WrittenFromSharedJson_AreTheSerializedRecordsByteForByte(string kind)
    {
        await FillAsync();
        var options = App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var db = OtherProcess.CreateDbContext();

        foreach (var range in Ranges())
        {
            object expected = kind switch
            {
                "recovery" => (await WhoopReadService.Recoveries(db, range).ToListAsync()).Select(RecoveryJson.From).ToArray(),
                "sleep" => (await WhoopReadService.Sleeps(db, range).ToListAsync()).Select(SleepJson.From).ToArray(),
                "workouts" => (await WhoopReadService.Workouts(db, range).ToListAsync()).Select(WorkoutJson.From).ToArray(),
                _ => (await WhoopReadService.Cycles(db, range).ToListAsync()).Select(CycleJson.From).ToArray(),
            };
            using var response = await Client.GetAsync($"/api/whoop/{kind}?start_date={range.Start:yyyy-MM-dd}&end_date={range.End:yyyy-MM-dd}");
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), options), System.Text.Encoding.UTF8.GetString(body));
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task WriteByAnotherProcess_ServedOnceTheReadModelsBoundHasPassed()
    {
        await FillAsync();
        var whoop = App.Services.GetRequiredService<WhoopReadService>();
        var year = DateRange.LastDays(365, Today);
        var before = (await whoop.ListRecoveriesAsync(year)).Count;
        await using (var other = OtherProcess.CreateDbContext())
        {
            await other.WhoopRecoveries.ExecuteDeleteAsync();
        }

        var shared = (await whoop.ListRecoveriesAsync(year)).Count;
        App.Clock.Advance(TimeSpan.FromSeconds(ReadModelOptions.DefaultSeconds));

        Assert.Equal(before, shared);
        Assert.Empty(await whoop.ListRecoveriesAsync(year));
        Assert.Null(await whoop.LatestRecoveryAsync());
    }
}

/// <summary>The same on PostgreSQL, whose ordering of equal and missing values the model must follow.</summary>
public sealed class PostgresWhoopReadModelTests : WhoopReadModelTests
{
    protected override ITestDatabase CreateDatabase() => PostgresTestDatabase.Migrated();
}
