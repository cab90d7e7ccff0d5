using Microsoft.Extensions.Time.Testing;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// The demo's generated year (<see cref="WhoopDataGenerator"/>, as <c>--demo</c> runs it) reads like one real person's
/// data: every record agrees with the others of its day. Checked on several seeds and at several times of day, since the
/// newest night depends on "now".
/// </summary>
public sealed class WhoopGeneratorInvariantTests
{
    public static TheoryData<int, int> Runs => new()
    {
        { 7, 3 }, // the demo's seed, early morning UTC (still night at home, UTC−5)
        { 7, 15 },
        { 3, 23 },
        { 11, 9 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_CyclesFollowEachOtherFromBedtimeToBedtimeAndEndBeforeNow(int seed, int utcHour)
    {
        var (state, now) = Generate(seed, utcHour);

        var cycles = state.Cycles.Values.OrderBy(c => c.Start).ToList();
        Assert.Equal(365, cycles.Count);
        for (var i = 0; i + 1 < cycles.Count; i++)
        {
            Assert.Equal(cycles[i + 1].Start, cycles[i].End);
        }

        Assert.Null(cycles[^1].End);
        Assert.All(state.Sleeps.Values, s => Assert.True(s.End <= now, $"sleep {s.Id} ends {s.End}, after now {now}"));
        Assert.All(state.Workouts.Values, w => Assert.True(w.End <= now, $"workout {w.Id} ends {w.End}, after now {now}"));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_WorkoutsHappenAwakeWithinTheirDayAndBelowItsStrainAndMaximumHeartRate(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);
        var cycles = state.Cycles.Values.OrderBy(c => c.Start).ToList();
        var sleeps = state.Sleeps.Values.ToList();

        foreach (var workout in state.Workouts.Values)
        {
            var day = cycles.Last(c => c.Start <= workout.Start);
            Assert.True(day.End is null || workout.End <= day.End, $"workout {workout.Id} runs past its day's end");
            Assert.DoesNotContain(sleeps, s => s.Start < workout.End && workout.Start < s.End);
            if (workout.Score is not { } score)
            {
                continue;
            }

            Assert.True(score.AverageHeartRate < score.MaxHeartRate, $"{workout.SportName}: average {score.AverageHeartRate} ≥ max {score.MaxHeartRate}");
            Assert.True(day.Score!.Strain >= score.Strain, $"day strain {day.Score.Strain} below a workout's {score.Strain}");
            Assert.True(day.Score.MaxHeartRate >= score.MaxHeartRate, $"day max HR {day.Score.MaxHeartRate} below a workout's {score.MaxHeartRate}");
            Assert.True(day.Score.Kilojoule >= score.Kilojoule, "a day burned less energy than one of its workouts");
            Assert.True(day.Score.AverageHeartRate < day.Score.MaxHeartRate);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_WorkoutStrainRisesWithLengthAndEffortWithinEachSport(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);

        foreach (var sport in Scored(state).GroupBy(w => w.Record.SportName))
        {
            var workouts = sport.ToList();
            foreach (var a in workouts)
            {
                foreach (var b in workouts.Where(b => b.Minutes >= a.Minutes && b.Score.AverageHeartRate >= a.Score.AverageHeartRate))
                {
                    Assert.True(b.Score.Strain >= a.Score.Strain,
                        $"{sport.Key}: {b.Minutes:0} min at {b.Score.AverageHeartRate} bpm has strain {b.Score.Strain:0.0}, " +
                        $"below {a.Minutes:0} min at {a.Score.AverageHeartRate} bpm ({a.Score.Strain:0.0})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_HardSportsStrainMoreThanEasyOnesAndShortEasyOnesStayLow(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);
        var strainPerMinute = Scored(state).GroupBy(w => w.Record.SportName!)
            .ToDictionary(g => g.Key, g => g.Average(w => w.Score.Strain / w.Minutes));

        Assert.True(strainPerMinute["running"] > strainPerMinute["walking"]);
        Assert.True(strainPerMinute["cycling"] > strainPerMinute["yoga"]);
        Assert.True(strainPerMinute["swimming"] > strainPerMinute["sauna"]);
        Assert.All(Scored(state).Where(w => w.Record.SportName is "walking" or "yoga" or "sauna" && w.Minutes <= 30),
            w => Assert.True(w.Score.Strain < 6, $"{w.Minutes:0} min of {w.Record.SportName} with strain {w.Score.Strain:0.0}"));
        Assert.All(Scored(state), w => Assert.InRange(w.Score.Strain, 0, 21));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_CaloriesAndDistancesArePlausibleForTheSport(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);

        foreach (var w in Scored(state))
        {
            var kilocaloriesPerMinute = w.Score.Kilojoule / 4.184 / w.Minutes;
            Assert.InRange(kilocaloriesPerMinute, 2, 16);
            var metresPerSecond = w.Score.DistanceMeter / (w.Minutes * 60);
            switch (w.Record.SportName)
            {
                case "running":
                    Assert.InRange(metresPerSecond!.Value, 2, 5.5);
                    break;
                case "cycling":
                    Assert.InRange(metresPerSecond!.Value, 4, 12);
                    break;
                case "swimming":
                    Assert.InRange(metresPerSecond!.Value, 0.4, 1.2);
                    break;
                case "walking":
                    Assert.InRange(metresPerSecond!.Value, 0.9, 2.2);
                    break;
                default:
                    Assert.Null(w.Score.DistanceMeter);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_SleepStagesFillTheTimeInBed(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);

        foreach (var sleep in state.Sleeps.Values.Where(s => s.Score is not null))
        {
            var stages = sleep.Score!.StageSummary;
            Assert.Equal((long)(sleep.End - sleep.Start).TotalMilliseconds, stages.TotalInBedTimeMilli);
            Assert.Equal(stages.TotalInBedTimeMilli,
                stages.TotalAwakeTimeMilli + stages.TotalNoDataTimeMilli + stages.TotalLightSleepTimeMilli
                + stages.TotalSlowWaveSleepTimeMilli + stages.TotalRemSleepTimeMilli);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Year_RecoveryScoredOnlyAfterAScoredNightAndFollowsSleepAndStrain(int seed, int utcHour)
    {
        var (state, _) = Generate(seed, utcHour);
        var cycles = state.Cycles.Values.OrderBy(c => c.Start).ToList();
        var nightOf = state.Sleeps.Values.ToDictionary(s => s.Id);

        var recoverySleep = new List<(double Recovery, double SleepHours)>();
        var recoveryStrain = new List<(double Recovery, double StrainBefore)>();
        for (var i = 0; i < cycles.Count; i++)
        {
            var recovery = state.Recoveries[cycles[i].Id];
            var night = nightOf[recovery.SleepId];
            Assert.False(night.Nap);
            Assert.Equal(night.ScoreState, recovery.ScoreState);
            Assert.Equal(night.Score is null, recovery.Score is null); // no score or HRV after an unscorable or pending night
            if (recovery.Score is { } score && i > 0)
            {
                var asleep = night.Score!.StageSummary;
                var hours = (asleep.TotalLightSleepTimeMilli + asleep.TotalSlowWaveSleepTimeMilli + asleep.TotalRemSleepTimeMilli) / 3_600_000.0;
                recoverySleep.Add((score.RecoveryScore, hours));
                recoveryStrain.Add((score.RecoveryScore, cycles[i - 1].Score!.Strain));
                Assert.InRange(score.RecoveryScore, 1, 99);
            }
        }

        Assert.Contains(state.Sleeps.Values, s => s.ScoreState == WhoopScoreState.Unscorable);
        Assert.True(Correlation.Pearson(recoverySleep) > 0.3, $"recovery and sleep: r = {Correlation.Pearson(recoverySleep):0.00}");
        Assert.True(Correlation.Pearson(recoveryStrain) < -0.2, $"recovery and the day's strain before: r = {Correlation.Pearson(recoveryStrain):0.00}");
        var scores = recoverySleep.Select(p => p.Recovery).ToList();
        Assert.InRange(scores.Average(), 45, 70);
    }

    private static (WhoopSimulatorState State, DateTimeOffset Now) Generate(int seed, int utcHour)
    {
        var now = new DateTimeOffset(2026, 3, 15, utcHour, 20, 0, TimeSpan.Zero);
        var state = new WhoopSimulatorState(new FakeTimeProvider(now));
        WhoopDataGenerator.Populate(state, 365, seed);
        return (state, now);
    }

    private static IEnumerable<ScoredWorkout> Scored(WhoopSimulatorState state) =>
        state.Workouts.Values.Where(w => w.Score is not null).Select(w => new ScoredWorkout(w, w.Score!, (w.End - w.Start).TotalMinutes));

    private sealed record ScoredWorkout(WhoopWorkoutRecord Record, WhoopWorkoutScore Score, double Minutes);
}
