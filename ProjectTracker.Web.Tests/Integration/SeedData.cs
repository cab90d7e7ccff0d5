using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Tests.Integration;

/// <summary>Hand-made rows with known answers. Sync-written WHOOP rows are at UTC−5; "old" rows are as the Flask app wrote them.</summary>
public static class SeedData
{
    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0, int second = 0, int year = 2026) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static DateTime Day(int month, int day) => Utc(month, day);

    public static async Task FillAsync(TrackerDbContext db)
    {
        db.Projects.AddRange(
            new Project
            {
                Name = "alpha", TimeSpentMin = 270, Loc = 12000, CommitCount = 42, ActiveDays = 9,
                LastCommitDate = Utc(3, 14, 15, 4, 5), CodeChurn = 30000, PrimaryLanguage = "C#", RepositorySizeKb = 2048,
                FirstCommitDate = Utc(12, 1, 8, year: 2025), HtmlUrl = "https://github.com/owner/alpha",
                Description = "The first project", RefreshedAt = Utc(3, 15, 10),
            },
            new Project
            {
                Name = "Beta-Tool", TimeSpentMin = 90.5, Loc = 800, CommitCount = 7, ActiveDays = 2,
                LastCommitDate = Utc(1, 2, 9, 30), CodeChurn = 1000, PrimaryLanguage = "Python", RepositorySizeKb = 120.25,
                LocEstimated = true,
            },
            new Project { Name = "gamma" });

        db.RefreshJobs.AddRange(
            new RefreshJob
            {
                Id = "11111111-1111-1111-1111-111111111111", Status = RefreshJobStatus.Completed,
                StartedAt = Utc(3, 15, 9, 59), CompletedAt = Utc(3, 15, 10), RepositoriesProcessed = 3, TotalRepositories = 3,
            },
            new RefreshJob
            {
                Id = "22222222-2222-2222-2222-222222222222", Status = RefreshJobStatus.Failed,
                StartedAt = Utc(3, 14, 9), CompletedAt = Utc(3, 14, 9, 1), ErrorMessage = "GitHub answered 502",
                RepositoriesProcessed = 1, TotalRepositories = 3,
            },
            new RefreshJob
            {
                Id = "33333333-3333-3333-3333-333333333333", Status = RefreshJobStatus.Running,
                StartedAt = Utc(3, 15, 11), RepositoriesProcessed = 2, TotalRepositories = 7,
            });

        db.WhoopRecoveries.AddRange(
            Recovery("1005", Day(3, 15), 80, 52, 65.5, 97.5, 33.1),
            Recovery("1004", Day(3, 14), 50, 55, 55.2, null, null),
            Recovery("1003", Day(3, 13), 20, 60, 40.1, null, null),
            Recovery("1002", Day(3, 8), null, null, null, null, null, "PENDING_SCORE"),
            Recovery("1001", Day(3, 1), 70, 51, 70.0, null, null));

        db.WhoopSleeps.AddRange(
            new WhoopSleep
            {
                SleepId = "aaaaaaaa-0000-0000-0000-000000000015", Date = Day(3, 15), StartTime = Utc(3, 15, 4), EndTime = Utc(3, 15, 11, 30),
                TotalSleepHours = 7.25, SleepPerformance = 91, SleepEfficiency = 93.5, SleepConsistency = 80,
                RemSleepMin = 95.5, DeepSleepMin = 80.4, LightSleepMin = 200.5, AwakeMin = 30, RespiratoryRate = 15.2,
                SleepNeedMin = 480, CycleId = "1005", ScoreState = "SCORED", TimezoneOffset = "-05:00",
            },
            new WhoopSleep
            {
                SleepId = "aaaaaaaa-0000-0000-0000-000000000014", Date = Day(3, 14), StartTime = Utc(3, 14, 4), EndTime = Utc(3, 14, 10),
                TotalSleepHours = 6, SleepPerformance = 70, CycleId = "1004", ScoreState = "SCORED", TimezoneOffset = "-05:00",
            },
            new WhoopSleep
            {
                SleepId = "aaaaaaaa-0000-0000-0000-0000000000a1", Date = Day(3, 14), StartTime = Utc(3, 14, 19), EndTime = Utc(3, 14, 19, 40),
                TotalSleepHours = 0.6, IsNap = true, ScoreState = "SCORED", TimezoneOffset = "-05:00",
            });

        db.WhoopWorkouts.AddRange(
            new WhoopWorkout
            {
                WorkoutId = "bbbbbbbb-0000-0000-0000-000000000001", Date = Day(3, 14), StartTime = Utc(3, 14, 22, 30),
                EndTime = Utc(3, 14, 23, 15), SportName = "running", Strain = 12.34, AverageHeartRate = 150, MaxHeartRate = 181,
                Calories = 500.2, Kilojoules = 2092.8, DistanceMeters = 8000, DurationMin = 45.6, ScoreState = "SCORED",
                TimezoneOffset = "-05:00",
            },
            // As the old app wrote it: no local day, no kilojoules, a sport id.
            new WhoopWorkout
            {
                WorkoutId = "bbbbbbbb-0000-0000-0000-000000000000", StartTime = Utc(3, 12, 10), EndTime = Utc(3, 12, 11),
                SportId = 1, SportName = "cycling", Strain = 8.06, Calories = 1200, DurationMin = 60,
            });

        db.WhoopCycles.AddRange(
            new WhoopCycle
            {
                CycleId = "1005", Date = Day(3, 15), StartTime = Utc(3, 15, 4), Strain = 14.56, Kilojoules = 8368.4,
                AverageHeartRate = 70, MaxHeartRate = 170, ScoreState = "SCORED", TimezoneOffset = "-05:00",
            },
            new WhoopCycle
            {
                CycleId = "1004", Date = Day(3, 14), StartTime = Utc(3, 14, 4), EndTime = Utc(3, 15, 4), Strain = 9.5,
                Kilojoules = 7000, ScoreState = "SCORED", TimezoneOffset = "-05:00",
            },
            new WhoopCycle { CycleId = "990", StartTime = Utc(3, 10, 3), EndTime = Utc(3, 11, 3), Strain = 5, Kilojoules = 6000.5 });

        await Task.CompletedTask;
    }

    private static WhoopRecovery Recovery(
        string cycleId, DateTime date, double? score, double? rhr, double? hrv, double? spo2, double? skin, string state = "SCORED") => new()
    {
        CycleId = cycleId, Date = date, RecoveryScore = score, RestingHeartRate = rhr, HrvRmssd = hrv, Spo2Percentage = spo2,
        SkinTempCelsius = skin, ScoreState = state, TimezoneOffset = "-05:00",
    };
}
