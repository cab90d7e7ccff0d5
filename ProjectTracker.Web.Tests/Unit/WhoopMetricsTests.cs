using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class WhoopMetricsTests
{
    private static readonly DateRange Range = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    private static DateTime Day(int day) => new(2026, 3, day, 0, 0, 0, DateTimeKind.Utc);

    private static WhoopRecovery Recovery(int day, double? score, double? hrv = null, double? restingHeartRate = null) =>
        new() { Date = Day(day), RecoveryScore = score, HrvRmssd = hrv, RestingHeartRate = restingHeartRate };

    private static WhoopMetrics Compute(
        IReadOnlyList<WhoopRecovery>? recoveries = null,
        IReadOnlyList<WhoopSleep>? sleeps = null,
        IReadOnlyList<WhoopWorkout>? workouts = null,
        IReadOnlyList<WhoopCycle>? cycles = null) =>
        WhoopMetrics.Compute(Range, recoveries ?? [], sleeps ?? [], workouts ?? [], cycles ?? []);

    [Fact]
    public void Compute_Range_GivesPeriodDaysAndDates()
    {
        var metrics = Compute();

        Assert.Equal(10, metrics.PeriodDays);
        Assert.Equal("2026-03-01", metrics.StartDate);
        Assert.Equal("2026-03-10", metrics.EndDate);
    }

    [Fact]
    public void Compute_NoRows_GivesNullAveragesZeroCountsAndInsufficientData()
    {
        var metrics = Compute();

        Assert.Equal(new RecoveryMetrics(null, null, null, 0, 0, 0, 0, 0), metrics.Recovery);
        Assert.Equal(new SleepMetrics(null, null, 0, 0, 0), metrics.Sleep);
        Assert.Equal(new StrainMetrics(null, null, 0, null, 0, 0), metrics.Strain);
        Assert.Equal(new HrvMetrics(null, HrvMetrics.NotEnoughData, 0), metrics.Hrv);
        Assert.Equal(new RestingHeartRateMetrics(null, 0), metrics.RestingHeartRate);
    }

    [Fact]
    public void Compute_Recoveries_AveragesRoundedToOneDecimal()
    {
        var metrics = Compute(recoveries:
        [
            Recovery(1, 50, restingHeartRate: 55),
            Recovery(2, 51, restingHeartRate: 56),
            Recovery(3, 51, restingHeartRate: 56),
        ]);

        Assert.Equal(50.7, metrics.Recovery.AverageScore);
        Assert.Equal(51, metrics.Recovery.MaxScore);
        Assert.Equal(50, metrics.Recovery.MinScore);
        Assert.Equal(55.7, metrics.RestingHeartRate.Average);
    }

    [Fact]
    public void Compute_BoundaryScores_CountsZones()
    {
        var metrics = Compute(recoveries:
        [
            Recovery(1, 67),
            Recovery(2, 66),
            Recovery(3, 34),
            Recovery(4, 33),
            Recovery(5, 0),
            Recovery(6, 100),
        ]);

        Assert.Equal(2, metrics.Recovery.GreenDays);
        Assert.Equal(2, metrics.Recovery.YellowDays);
        Assert.Equal(2, metrics.Recovery.RedDays);
        Assert.Equal(6, metrics.Recovery.TotalRecords);
        Assert.Equal(100, metrics.Recovery.MaxScore);
        Assert.Equal(0, metrics.Recovery.MinScore);
        Assert.Equal(50.0, metrics.Recovery.AverageScore);
    }

    [Fact]
    public void Compute_RecoveryWithoutScore_CountedInTotalOnly()
    {
        var metrics = Compute(recoveries: [Recovery(1, 80), Recovery(2, null), Recovery(3, 20)]);

        Assert.Equal(3, metrics.Recovery.TotalRecords);
        Assert.Equal(50.0, metrics.Recovery.AverageScore);
        Assert.Equal(1, metrics.Recovery.GreenDays);
        Assert.Equal(0, metrics.Recovery.YellowDays);
        Assert.Equal(1, metrics.Recovery.RedDays);
        Assert.Equal(20, metrics.Recovery.MinScore);
    }

    [Fact]
    public void Compute_OnlyUnscoredRecoveries_GivesNullScores()
    {
        var metrics = Compute(recoveries: [Recovery(1, null), Recovery(2, null)]);

        Assert.Equal(new RecoveryMetrics(null, null, null, 2, 0, 0, 0, 0), metrics.Recovery);
    }

    [Fact]
    public void Compute_PendingAndUnscorableRecords_LeftOutOfAveragesAndCounted()
    {
        var metrics = Compute(
            recoveries:
            [
                Recovery(1, 80, hrv: 60, restingHeartRate: 50),
                // A state that disagrees with its values: the state wins (WHOOP may send a stale score while re-scoring).
                new() { Date = Day(2), RecoveryScore = 0, HrvRmssd = 0, RestingHeartRate = 0, ScoreState = "PENDING_SCORE" },
                new() { Date = Day(3), ScoreState = "UNSCORABLE" },
            ],
            sleeps:
            [
                new() { Date = Day(1), TotalSleepHours = 8, SleepPerformance = 90, ScoreState = "SCORED" },
                new() { Date = Day(2), TotalSleepHours = 0, SleepPerformance = 0, ScoreState = "PENDING_SCORE" },
                new() { Date = Day(3), ScoreState = "UNSCORABLE" },
            ],
            workouts: [new() { Strain = 10, ScoreState = "SCORED" }, new() { ScoreState = "UNSCORABLE" }],
            cycles: [new() { Strain = 12, ScoreState = "SCORED" }, new() { Strain = 0, ScoreState = "PENDING_SCORE" }]);

        Assert.Equal(new RecoveryMetrics(80, 80, 80, 3, 1, 0, 0, 1), metrics.Recovery);
        Assert.Equal(new SleepMetrics(8, 90, 3, 0, 1), metrics.Sleep);
        Assert.Equal(new StrainMetrics(12, 12, 2, 10, 1, 1), metrics.Strain);
        Assert.Equal(new HrvMetrics(60, HrvMetrics.NotEnoughData, 1), metrics.Hrv);
        Assert.Equal(new RestingHeartRateMetrics(50, 1), metrics.RestingHeartRate);
    }

    [Fact]
    public void Compute_Sleeps_ExcludesNapsFromAveragesAndCountsThem()
    {
        var metrics = Compute(sleeps:
        [
            new() { Date = Day(1), TotalSleepHours = 7.0, SleepPerformance = 80 },
            new() { Date = Day(2), TotalSleepHours = 8.25, SleepPerformance = 91 },
            new() { Date = Day(2), TotalSleepHours = 0.5, SleepPerformance = 10, IsNap = true },
            new() { Date = Day(3), TotalSleepHours = null, SleepPerformance = null },
        ]);

        Assert.Equal(7.6, metrics.Sleep.AverageHours);
        Assert.Equal(85.5, metrics.Sleep.AveragePerformance);
        Assert.Equal(3, metrics.Sleep.TotalRecords);
        Assert.Equal(1, metrics.Sleep.TotalNaps);
        Assert.Equal(2, metrics.Sleep.ScoredRecords);
    }

    [Fact]
    public void Compute_OnlyNaps_GivesNullSleepAverages()
    {
        var metrics = Compute(sleeps: [new() { Date = Day(1), TotalSleepHours = 1, SleepPerformance = 50, IsNap = true }]);

        Assert.Equal(new SleepMetrics(null, null, 0, 1, 0), metrics.Sleep);
    }

    [Fact]
    public void Compute_CyclesAndWorkouts_GivesStrainFigures()
    {
        var metrics = Compute(
            workouts:
            [
                new() { Strain = 10.0 },
                new() { Strain = 12.25 },
                new() { Strain = null },
            ],
            cycles:
            [
                new() { Strain = 8.04 },
                new() { Strain = 15.06 },
                new() { Strain = null },
                new() { Strain = 11.0 },
            ]);

        Assert.Equal(11.4, metrics.Strain.AverageDailyStrain);
        Assert.Equal(15.1, metrics.Strain.MaxDailyStrain);
        Assert.Equal(3, metrics.Strain.TotalWorkouts);
        Assert.Equal(11.1, metrics.Strain.AverageWorkoutStrain);
    }

    [Fact]
    public void Compute_HrvRows_AveragesAndTrendsInDateOrder()
    {
        var metrics = Compute(recoveries:
        [
            Recovery(4, 50, hrv: 60),
            Recovery(1, 50, hrv: 50),
            Recovery(3, 50, hrv: 60),
            Recovery(2, 50, hrv: 50),
            Recovery(5, 50, hrv: null),
        ]);

        Assert.Equal(55.0, metrics.Hrv.Average);
        Assert.Equal(HrvMetrics.Improving, metrics.Hrv.Trend);
    }

    [Theory]
    [InlineData(new[] { 50.0, 50, 60, 60 }, HrvMetrics.Improving)]
    [InlineData(new[] { 60.0, 60, 50, 50 }, HrvMetrics.Declining)]
    [InlineData(new[] { 50.0, 51, 50, 51 }, HrvMetrics.Stable)]
    [InlineData(new[] { 100.0, 100, 105, 105 }, HrvMetrics.Improving)]
    [InlineData(new[] { 100.0, 100, 104, 104 }, HrvMetrics.Stable)]
    [InlineData(new[] { 100.0, 100, 95, 95 }, HrvMetrics.Declining)]
    [InlineData(new[] { 50.0, 50, 999, 60, 60 }, HrvMetrics.Improving)]
    [InlineData(new[] { 50.0, 60, 60 }, HrvMetrics.NotEnoughData)]
    [InlineData(new double[0], HrvMetrics.NotEnoughData)]
    public void TrendOf_Values_GivesTrend(double[] values, string expected)
    {
        Assert.Equal(expected, HrvMetrics.TrendOf(values));
    }
}

public sealed class RecoveryStatusTests
{
    [Theory]
    [InlineData(null, "unknown")]
    [InlineData(100.0, "green")]
    [InlineData(67.0, "green")]
    [InlineData(66.0, "yellow")]
    [InlineData(34.0, "yellow")]
    [InlineData(33.0, "red")]
    [InlineData(1.0, "red")]
    [InlineData(0.0, "red")]
    public void Of_Score_GivesZone(double? score, string expected)
    {
        Assert.Equal(expected, RecoveryStatus.Of(score));
    }
}
