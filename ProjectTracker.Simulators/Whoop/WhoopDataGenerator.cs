using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>
/// Fills the WHOOP simulator with a realistic, deterministic (per seed) history: one cycle, sleep and recovery a day,
/// naps, workouts, a trip across time zones, the newest records still being scored, and a few unscorable ones.
/// </summary>
public static class WhoopDataGenerator
{
    private static readonly string[] Sports = ["running", "cycling", "weightlifting", "yoga", "swimming", "walking", "sauna"];
    private const long UserId = 10129;

    public static void Populate(WhoopSimulatorState state, int days, int seed = 7)
    {
        var random = new Random(seed);
        var today = state.Time.GetUtcNow().UtcDateTime.Date;
        for (var day = days; day >= 1; day--)
        {
            // Home at UTC−5; a week away at UTC+1 now and then.
            var offset = day % 60 is >= 20 and < 27 ? TimeSpan.FromHours(1) : TimeSpan.FromHours(-5);
            var zone = Zone(offset);
            var localBedtime = today.AddDays(-day).AddHours(22).AddMinutes(random.Next(-60, 75));
            var sleepStart = new DateTimeOffset(localBedtime - offset, TimeSpan.Zero);
            var asleep = TimeSpan.FromMinutes(random.Next(330, 540));
            var sleepEnd = sleepStart + asleep + TimeSpan.FromMinutes(random.Next(10, 50));
            var cycleId = 500_000L + days - day;
            var newest = day == 1;
            var sleepId = Id(random);

            var strain = Math.Round(4 + random.NextDouble() * 15, 4);
            state.Cycles[cycleId] = new WhoopCycleRecord(cycleId, UserId, sleepStart, sleepEnd, sleepStart, newest ? null : sleepStart.AddDays(1), zone,
                WhoopScoreState.Scored, new WhoopCycleScore(strain, Math.Round(7000 + strain * 400 + random.Next(-500, 500), 3), random.Next(55, 75), random.Next(140, 190)));

            var rem = (long)(asleep.TotalMilliseconds * (0.2 + random.NextDouble() * 0.05));
            var deep = (long)(asleep.TotalMilliseconds * (0.18 + random.NextDouble() * 0.06));
            var light = (long)asleep.TotalMilliseconds - rem - deep;
            var awake = (long)(sleepEnd - sleepStart - asleep).TotalMilliseconds;
            var sleepState = newest ? WhoopScoreState.Pending : random.NextDouble() < 0.02 ? WhoopScoreState.Unscorable : WhoopScoreState.Scored;
            state.Sleeps[sleepId] = new WhoopSleepRecord(sleepId, cycleId, UserId, sleepEnd, sleepEnd, sleepStart, sleepEnd, zone, false, sleepState,
                sleepState != WhoopScoreState.Scored ? null : new WhoopSleepScore(
                    new WhoopSleepStageSummary(light + deep + rem + awake, awake, 0, light, deep, rem, random.Next(3, 6), random.Next(2, 15)),
                    new WhoopSleepNeeded(27_000_000 + random.Next(-900_000, 900_000), random.Next(0, 1_800_000), random.Next(0, 900_000), 0),
                    Math.Round(14 + random.NextDouble() * 3, 2), random.Next(60, 100), random.Next(60, 95), Math.Round(85 + random.NextDouble() * 12, 2)));

            var score = Math.Clamp(12 + asleep.TotalHours * 8 - strain * 1.5 + random.Next(-25, 26), 1, 99);
            state.Recoveries[cycleId] = new WhoopRecoveryRecord(cycleId, sleepId, UserId, sleepEnd, sleepEnd, newest ? WhoopScoreState.Pending : WhoopScoreState.Scored,
                newest ? null : new WhoopRecoveryScore(day > days - 4, Math.Round(score), Math.Round(62 - score / 10 + random.NextDouble() * 3, 1),
                    Math.Round(30 + score * 0.6 + random.NextDouble() * 10, 4), Math.Round(95 + random.NextDouble() * 4, 2), Math.Round(33 + random.NextDouble(), 2)));

            if (random.NextDouble() < 0.1)
            {
                var napStart = sleepEnd.AddHours(random.Next(6, 9));
                var napId = Id(random);
                state.Sleeps[napId] = new WhoopSleepRecord(napId, cycleId, UserId, napStart, napStart, napStart, napStart.AddMinutes(random.Next(20, 60)),
                    zone, true, WhoopScoreState.Scored, new WhoopSleepScore(new WhoopSleepStageSummary(2_400_000, 300_000, 0, 1_500_000, 300_000, 300_000, 1, 1),
                        new WhoopSleepNeeded(0, 0, 0, 0), 15, null, null, 88));
            }

            for (var w = random.Next(0, 3); w > 0; w--)
            {
                var sport = Sports[random.Next(Sports.Length)];
                var start = sleepEnd.AddHours(random.Next(2, 12));
                var minutes = random.Next(20, 110);
                var workoutId = Id(random);
                var scored = random.NextDouble() >= 0.02;
                var distance = sport is "running" or "cycling" or "swimming" or "walking" ? minutes * (sport == "cycling" ? 450.0 : 160.0) : (double?)null;
                state.Workouts[workoutId] = new WhoopWorkoutRecord(workoutId, UserId, start, start, start, start.AddMinutes(minutes), zone, sport,
                    scored ? WhoopScoreState.Scored : WhoopScoreState.Unscorable,
                    scored ? new WhoopWorkoutScore(Math.Round(5 + random.NextDouble() * 12, 4), random.Next(110, 160), random.Next(150, 195),
                        Math.Round(minutes * (25 + random.NextDouble() * 20), 3), 100, distance, null, null) : null, null);
            }
        }
    }

    private static string Zone(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : $"{(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration():hh\\:mm}";

    private static string Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
