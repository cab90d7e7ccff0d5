using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Simulators.Whoop;

/// <summary>
/// Fills the WHOOP simulator with a believable, deterministic (per seed) history of one athlete: a cycle, sleep and
/// recovery a night, naps, workouts by sport, a week away across time zones now and then, the newest sleep and recovery
/// still being scored and a few unscorable records. The days hang together as a real account's do (checked by
/// <c>WhoopGeneratorInvariantTests</c>): every cycle runs from one bedtime to the next, workouts happen while awake and
/// before now, heart rates, strain, energy and distance follow the sport, the duration and the effort, a day's strain
/// and maximum heart rate are at least any of its workouts', sleep stages fill the time in bed, and recovery follows
/// the night's sleep and the day's strain before it.
/// </summary>
public static class WhoopDataGenerator
{
    private const long UserId = 10129;
    private const double RestingHeartRate = 55;
    private const double MaxHeartRate = 192;

    // The strain scale: 21 × (1 − e^(−load / StrainScale)), load = minutes × effort², effort = heart-rate reserve used.
    // Rising with both length and effort, flattening towards 21 as WHOOP's does; a day's load adds its workouts'.
    private const double StrainScale = 25;

    private static readonly Sport[] Sports =
    [
        new("running", 20, 75, 135, 168, MetersPerMinute: (150, 200)),
        new("cycling", 35, 120, 120, 158, MetersPerMinute: (350, 500)),
        new("weightlifting", 35, 75, 100, 130, MetersPerMinute: null),
        new("yoga", 30, 70, 80, 102, MetersPerMinute: null),
        new("swimming", 25, 60, 120, 150, MetersPerMinute: (30, 50)),
        new("walking", 20, 90, 88, 110, MetersPerMinute: (70, 100)),
        new("sauna", 12, 30, 92, 115, MetersPerMinute: null),
    ];

    public static void Populate(WhoopSimulatorState state, int days, int seed = 7)
    {
        var random = new Random(seed);
        var now = state.Time.GetUtcNow();
        var nights = Nights(random, now, days);
        var previousDayStrain = 10.0;
        for (var n = 0; n < nights.Count; n++)
        {
            var night = nights[n];
            var newest = n == nights.Count - 1;
            var cycleId = 500_000L + n;
            var zone = Zone(night.Offset);

            var sleepState = newest ? WhoopScoreState.Pending : random.NextDouble() < 0.02 ? WhoopScoreState.Unscorable : WhoopScoreState.Scored;
            var sleepId = Id(random);
            state.Sleeps[sleepId] = new WhoopSleepRecord(sleepId, cycleId, UserId, night.Wake, night.Wake, night.Bedtime, night.Wake, zone, false,
                sleepState, sleepState == WhoopScoreState.Scored ? SleepScore(random, night) : null);

            // Awake from an hour after waking until an hour before the next bedtime (or ten minutes ago, today).
            var awakeUntil = newest ? now.AddMinutes(-10) : nights[n + 1].Bedtime.AddHours(-1);
            var workouts = Workouts(random, night.Wake.AddHours(1), awakeUntil, zone);
            foreach (var workout in workouts)
            {
                state.Workouts[workout.Record.Id] = workout.Record;
            }

            if (random.NextDouble() < 0.1 && Nap(random, cycleId, night, awakeUntil, zone, workouts) is { } nap)
            {
                state.Sleeps[nap.Id] = nap;
            }

            var dayLoad = 3 + random.NextDouble() * 7 + workouts.Sum(w => w.Load);
            var dayStrain = Math.Round(Strain(dayLoad), 4);
            var workoutsMax = workouts.Where(w => w.Record.Score is not null).Select(w => w.Record.Score!.MaxHeartRate).DefaultIfEmpty(0).Max();
            var dayMax = Math.Max(random.Next(118, 150), workoutsMax + random.Next(0, 4));
            var kilojoules = Math.Round(7200 + random.Next(-400, 600) + workouts.Sum(w => w.Record.Score?.Kilojoule ?? 0), 3);
            state.Cycles[cycleId] = new WhoopCycleRecord(cycleId, UserId, night.Bedtime, night.Bedtime, night.Bedtime,
                newest ? null : nights[n + 1].Bedtime, zone, WhoopScoreState.Scored,
                new WhoopCycleScore(dayStrain, kilojoules, random.Next(58, 72), dayMax));

            // WHOOP scores a recovery from the night's sleep: none while the sleep is pending or when it was unscorable.
            state.Recoveries[cycleId] = new WhoopRecoveryRecord(cycleId, sleepId, UserId, night.Wake, night.Wake, sleepState,
                sleepState == WhoopScoreState.Scored ? RecoveryScore(random, night, previousDayStrain, calibrating: n < 4) : null);
            previousDayStrain = dayStrain;
        }
    }

    /// <summary>
    /// The nights, oldest first, each ending before <paramref name="now"/>: bedtime around 22:00 local, 5½ to 9 hours asleep.
    /// Home is UTC−5; a week in every 60 is spent at UTC+1.
    /// </summary>
    private static List<Night> Nights(Random random, DateTimeOffset now, int days)
    {
        // The newest night began the evening before the last local morning that has surely ended (bedtime + time in bed ≤ 9½ h).
        var lastEvening = DateOnly.FromDateTime((now.ToOffset(TimeSpan.FromHours(-5)) - TimeSpan.FromHours(9.5)).DateTime).AddDays(-1);
        var nights = new List<Night>(days);
        for (var back = days - 1; back >= 0; back--)
        {
            var offset = back % 60 is >= 20 and < 27 ? TimeSpan.FromHours(1) : TimeSpan.FromHours(-5);
            var evening = lastEvening.AddDays(-back).ToDateTime(new TimeOnly(22, 0));
            var bedtime = new DateTimeOffset(evening.AddMinutes(random.Next(-60, 75)) - offset, TimeSpan.Zero);
            var asleep = TimeSpan.FromMinutes(random.Next(330, 540));
            var awake = TimeSpan.FromMinutes(random.Next(10, 50));
            nights.Add(new Night(bedtime, bedtime + asleep + awake, asleep, offset));
        }

        return nights;
    }

    private static WhoopSleepScore SleepScore(Random random, Night night)
    {
        var asleep = (long)night.Asleep.TotalMilliseconds;
        var rem = (long)(asleep * (0.2 + random.NextDouble() * 0.05));
        var deep = (long)(asleep * (0.18 + random.NextDouble() * 0.06));
        var light = asleep - rem - deep;
        var inBed = (long)(night.Wake - night.Bedtime).TotalMilliseconds;
        var need = new WhoopSleepNeeded(27_000_000 + random.Next(-900_000, 900_000), random.Next(0, 1_800_000), random.Next(0, 900_000), 0);
        var performance = Math.Clamp(Math.Round(100.0 * asleep / need.TotalMilli), 40, 100);
        return new WhoopSleepScore(
            new WhoopSleepStageSummary(inBed, inBed - asleep, 0, light, deep, rem, random.Next(3, 6), random.Next(2, 15)),
            need, Math.Round(14 + random.NextDouble() * 3, 2), performance, random.Next(60, 95), Math.Round(100.0 * asleep / inBed, 2));
    }

    /// <summary>Good sleep and an easy day before raise recovery; HRV rises and resting heart rate falls with it.</summary>
    private static WhoopRecoveryScore RecoveryScore(Random random, Night night, double previousDayStrain, bool calibrating)
    {
        var score = Math.Round(Math.Clamp(38 + (night.Asleep.TotalHours - 5.5) * 12 - (previousDayStrain - 8) * 2.5 + random.Next(-12, 13), 1, 99));
        return new WhoopRecoveryScore(calibrating, score, Math.Round(62 - score / 10 + random.NextDouble() * 3, 1),
            Math.Round(30 + score * 0.6 + random.NextDouble() * 10, 4), Math.Round(95 + random.NextDouble() * 4, 2), Math.Round(33 + random.NextDouble(), 2));
    }

    /// <summary>Up to two workouts one after another between <paramref name="from"/> and <paramref name="until"/>.</summary>
    private static List<Workout> Workouts(Random random, DateTimeOffset from, DateTimeOffset until, string zone)
    {
        var workouts = new List<Workout>();
        var earliest = from;
        for (var w = random.Next(0, 3); w > 0; w--)
        {
            var sport = Sports[random.Next(Sports.Length)];
            var minutes = random.Next(sport.MinMinutes, sport.MaxMinutes + 1);
            var room = (until - earliest).TotalMinutes - minutes;
            if (room < 0)
            {
                break;
            }

            var start = earliest.AddMinutes(random.NextDouble() * Math.Min(room, 10 * 60));
            var end = start.AddMinutes(minutes);
            var averageHeartRate = (double)random.Next(sport.MinAverageHeartRate, sport.MaxAverageHeartRate + 1);
            var maxHeartRate = Math.Min(MaxHeartRate, averageHeartRate + random.Next(12, 32));
            var effort = (averageHeartRate - RestingHeartRate) / (MaxHeartRate - RestingHeartRate);
            var load = minutes * effort * effort;
            var kilocaloriesPerMinute = 1.5 + 13 * Math.Pow(effort, 1.5) + random.NextDouble();
            var distance = sport.MetersPerMinute is { } pace
                ? Math.Round(minutes * (pace.Slowest + (pace.Fastest - pace.Slowest) * random.NextDouble()), 1)
                : (double?)null;
            var scored = random.NextDouble() >= 0.02;
            var id = Id(random);
            workouts.Add(new Workout(load, new WhoopWorkoutRecord(id, UserId, end, end, start, end, zone, sport.Name,
                scored ? WhoopScoreState.Scored : WhoopScoreState.Unscorable,
                scored
                    ? new WhoopWorkoutScore(Math.Round(Strain(load), 4), averageHeartRate, maxHeartRate,
                        Math.Round(minutes * kilocaloriesPerMinute * 4.184, 3), 100, distance, null, null)
                    : null,
                null)));
            earliest = end.AddMinutes(30);
        }

        return workouts;
    }

    /// <summary>A 20–60 minute nap in the afternoon, while no workout runs.</summary>
    private static WhoopSleepRecord? Nap(Random random, long cycleId, Night night, DateTimeOffset awakeUntil, string zone, List<Workout> workouts)
    {
        var start = night.Wake.AddHours(random.Next(6, 9));
        var end = start.AddMinutes(random.Next(20, 61));
        if (end > awakeUntil || workouts.Any(w => w.Record.Start < end && start < w.Record.End))
        {
            return null;
        }

        var inBed = (long)(end - start).TotalMilliseconds;
        var awake = inBed / 8;
        var deep = inBed / 8;
        var rem = inBed / 8;
        var light = inBed - awake - deep - rem;
        var id = Id(random);
        return new WhoopSleepRecord(id, cycleId, UserId, end, end, start, end, zone, true, WhoopScoreState.Scored,
            new WhoopSleepScore(new WhoopSleepStageSummary(inBed, awake, 0, light, deep, rem, 1, 1), new WhoopSleepNeeded(0, 0, 0, 0), 15, null, null,
                Math.Round(100.0 * (inBed - awake) / inBed, 2)));
    }

    private static double Strain(double load) => 21 * (1 - Math.Exp(-load / StrainScale));

    private static string Zone(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : $"{(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration():hh\\:mm}";

    private static string Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private sealed record Night(DateTimeOffset Bedtime, DateTimeOffset Wake, TimeSpan Asleep, TimeSpan Offset);

    private sealed record Workout(double Load, WhoopWorkoutRecord Record);

    private sealed record Sport(
        string Name, int MinMinutes, int MaxMinutes, int MinAverageHeartRate, int MaxAverageHeartRate, (double Slowest, double Fastest)? MetersPerMinute);
}
