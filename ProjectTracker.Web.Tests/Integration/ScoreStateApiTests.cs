using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>
/// "Latest", averages and totals over records WHOOP has not scored (yet, or ever): as a real account looks most mornings,
/// with today's sleep and recovery still <c>PENDING_SCORE</c> and an <c>UNSCORABLE</c> night and workout before it.
/// "Today" is 2026-03-15 for the athlete at UTC−5. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class ScoreStateApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task RecoveryLatest_NewestPendingAndUnscorable_AnswersTheNewestScored()
    {
        var latest = await Client.GetJsonAsync("/api/whoop/recovery/latest");

        Assert.Equal("2026-03-13", (string?)latest["date"]);
        Assert.Equal(60, (double?)latest["recovery_score"]);
        Assert.Equal("SCORED", (string?)latest["score_state"]);
    }

    [Fact]
    public async Task SleepLatest_NewestNightPending_AnswersTheNewestScoredNight()
    {
        var latest = await Client.GetJsonAsync("/api/whoop/sleep/latest");

        Assert.Equal("2026-03-13", (string?)latest["date"]);
        Assert.False((bool?)latest["is_nap"]);
        Assert.Equal(7.5, (double?)latest["total_sleep_hours"]);
    }

    [Fact]
    public async Task Recovery_List_StillShowsPendingAndUnscorableWithTheirState()
    {
        var recoveries = (await Client.GetJsonAsync("/api/whoop/recovery")).AsArray();

        Assert.Equal(["PENDING_SCORE", "UNSCORABLE", "SCORED", "SCORED"], recoveries.Select(r => (string?)r!["score_state"]));
        Assert.Null(recoveries[0]!["recovery_score"]);
        Assert.Equal("unknown", (string?)recoveries[0]!["recovery_status"]);
    }

    [Fact]
    public async Task Metrics_OnlyAPendingDay_AnswersNullAveragesAndCountsTheRecords()
    {
        var m = await Client.GetJsonAsync("/api/whoop/metrics?days=1");

        var recovery = m["recovery"]!;
        Assert.Null(recovery["average_score"]);
        Assert.Null(recovery["max_score"]);
        Assert.Null(recovery["min_score"]);
        Assert.Equal(1, (int?)recovery["total_records"]);
        Assert.Equal(0, (int?)recovery["scored_records"]);
        Assert.Null(m["sleep"]!["average_hours"]);
        Assert.Null(m["sleep"]!["average_performance"]);
        Assert.Equal(1, (int?)m["sleep"]!["total_records"]);
        Assert.Equal(0, (int?)m["sleep"]!["scored_records"]);
        Assert.Null(m["strain"]!["average_daily_strain"]);
        Assert.Null(m["strain"]!["max_daily_strain"]);
        Assert.Equal(0, (int?)m["strain"]!["scored_days"]);
        Assert.Null(m["strain"]!["average_workout_strain"]);
        Assert.Equal(1, (int?)m["strain"]!["total_workouts"]);
        Assert.Equal(0, (int?)m["strain"]!["scored_workouts"]);
        Assert.Null(m["hrv"]!["average"]);
        Assert.Null(m["resting_heart_rate"]!["average"]);
    }

    [Fact]
    public async Task Metrics_Week_AveragesOnlyScoredRecordsAndSaysHowMany()
    {
        var m = await Client.GetJsonAsync("/api/whoop/metrics?days=7");

        var recovery = m["recovery"]!;
        Assert.Equal(50.0, (double?)recovery["average_score"]);
        Assert.Equal(60, (double?)recovery["max_score"]);
        Assert.Equal(40, (double?)recovery["min_score"]);
        Assert.Equal(4, (int?)recovery["total_records"]);
        Assert.Equal(2, (int?)recovery["scored_records"]);
        Assert.Equal(0, (int?)recovery["green_days"]);
        Assert.Equal(2, (int?)recovery["yellow_days"]);
        Assert.Equal(0, (int?)recovery["red_days"]);
        var sleep = m["sleep"]!;
        Assert.Equal(7.5, (double?)sleep["average_hours"]);
        Assert.Equal(85, (double?)sleep["average_performance"]);
        Assert.Equal(3, (int?)sleep["total_records"]);
        Assert.Equal(1, (int?)sleep["scored_records"]);
        Assert.Equal(1, (int?)sleep["total_naps"]);
        var strain = m["strain"]!;
        Assert.Equal(10.0, (double?)strain["average_daily_strain"]);
        Assert.Equal(1, (int?)strain["scored_days"]);
        Assert.Equal(8.0, (double?)strain["average_workout_strain"]);
        Assert.Equal(2, (int?)strain["total_workouts"]);
        Assert.Equal(1, (int?)strain["scored_workouts"]);
        Assert.Equal(60.0, (double?)m["hrv"]!["average"]);
        Assert.Equal(2, (int?)m["hrv"]!["scored_records"]);
        Assert.Equal(56.0, (double?)m["resting_heart_rate"]!["average"]);
        Assert.Equal(2, (int?)m["resting_heart_rate"]!["scored_records"]);
    }

    [Fact]
    public async Task Workouts_Unscorable_AnswerNullStrainAndCalories()
    {
        var workouts = (await Client.GetJsonAsync("/api/whoop/workouts")).AsArray();

        var unscorable = workouts.Single(w => (string?)w!["score_state"] == "UNSCORABLE")!;
        AssertHasFields(unscorable, "strain", "calories", "kilojoules");
        Assert.Null(unscorable["strain"]);
        Assert.Null(unscorable["calories"]);
        Assert.Null(unscorable["kilojoules"]);
        Assert.Equal(20, (double?)unscorable["duration_min"]);
        var scored = workouts.Single(w => (string?)w!["score_state"] == "SCORED")!;
        Assert.Equal(8.0, (double?)scored["strain"]);
        Assert.Equal(300, (double?)scored["calories"]);
    }

    /// <summary>The newest records of each kind not scored, older ones scored.</summary>
    public static Task SeedAsync(TrackerDbContext db)
    {
        db.WhoopRecoveries.AddRange(
            new WhoopRecovery { CycleId = "4", Date = Day(15), ScoreState = "PENDING_SCORE", TimezoneOffset = Zone },
            new WhoopRecovery { CycleId = "3", Date = Day(14), ScoreState = "UNSCORABLE", TimezoneOffset = Zone },
            new WhoopRecovery
            {
                CycleId = "2", Date = Day(13), RecoveryScore = 60, HrvRmssd = 50, RestingHeartRate = 55, ScoreState = "SCORED", TimezoneOffset = Zone,
            },
            new WhoopRecovery
            {
                CycleId = "1", Date = Day(12), RecoveryScore = 40, HrvRmssd = 70, RestingHeartRate = 57, ScoreState = "SCORED", TimezoneOffset = Zone,
            });
        db.WhoopSleeps.AddRange(
            new WhoopSleep
            {
                SleepId = "s-15", Date = Day(15), StartTime = Utc(15, 4), EndTime = Utc(15, 11), ScoreState = "PENDING_SCORE", TimezoneOffset = Zone,
            },
            new WhoopSleep
            {
                SleepId = "s-14", Date = Day(14), StartTime = Utc(14, 4), EndTime = Utc(14, 11), ScoreState = "UNSCORABLE", TimezoneOffset = Zone,
            },
            new WhoopSleep
            {
                SleepId = "nap-14", Date = Day(14), StartTime = Utc(14, 19), EndTime = Utc(14, 19, 40), TotalSleepHours = 0.5, IsNap = true,
                ScoreState = "SCORED", TimezoneOffset = Zone,
            },
            new WhoopSleep
            {
                SleepId = "s-13", Date = Day(13), StartTime = Utc(13, 3), EndTime = Utc(13, 11), TotalSleepHours = 7.5, SleepPerformance = 85,
                ScoreState = "SCORED", TimezoneOffset = Zone,
            });
        db.WhoopWorkouts.AddRange(
            new WhoopWorkout
            {
                WorkoutId = "w-15", Date = Day(15), StartTime = Utc(15, 13), EndTime = Utc(15, 13, 20), SportName = "walking", DurationMin = 20,
                ScoreState = "UNSCORABLE", TimezoneOffset = Zone,
            },
            new WhoopWorkout
            {
                WorkoutId = "w-14", Date = Day(14), StartTime = Utc(14, 22), EndTime = Utc(14, 23), SportName = "running", DurationMin = 60,
                Strain = 8, AverageHeartRate = 140, MaxHeartRate = 170, Calories = 300, Kilojoules = 1255.2, ScoreState = "SCORED", TimezoneOffset = Zone,
            });
        db.WhoopCycles.AddRange(
            new WhoopCycle { CycleId = "4", Date = Day(15), StartTime = Utc(15, 4), ScoreState = "PENDING_SCORE", TimezoneOffset = Zone },
            new WhoopCycle
            {
                CycleId = "3", Date = Day(14), StartTime = Utc(14, 4), EndTime = Utc(15, 4), Strain = 10, Kilojoules = 8000,
                ScoreState = "SCORED", TimezoneOffset = Zone,
            });
        return Task.CompletedTask;
    }

    private const string Zone = "-05:00";

    private static DateTime Day(int day) => new(2026, 3, day, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);
}

public sealed class SqliteScoreStateApp() : AppFixture(() => new SqliteTestDatabase(), ScoreStateApiTests.SeedAsync);

public sealed class PostgresScoreStateApp() : AppFixture(() => new PostgresTestDatabase(), ScoreStateApiTests.SeedAsync);

public sealed class SqliteScoreStateApiTests(SqliteScoreStateApp fixture) : ScoreStateApiTests(fixture), IClassFixture<SqliteScoreStateApp>;

public sealed class PostgresScoreStateApiTests(PostgresScoreStateApp fixture) : ScoreStateApiTests(fixture), IClassFixture<PostgresScoreStateApp>;
