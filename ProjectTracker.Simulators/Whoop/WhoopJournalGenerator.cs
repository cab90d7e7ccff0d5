namespace ProjectTracker.Simulators.Whoop;

/// <summary>
/// A believable WHOOP journal for a simulated account: a few of the questions WHOOP asks, answered on most days, two of
/// them with effects a member could find — drinks go with a lower recovery the next morning, reading in bed with a longer
/// next night — and two with none, so a habit that does nothing shows as nothing. Deterministic per seed.
/// </summary>
public static class WhoopJournalGenerator
{
    public const string Alcohol = "Have any alcoholic drinks?";
    public const string Reading = "Read (non-screened device) while in bed?";
    public const string Caffeine = "Have any caffeine?";
    public const string LateMeal = "Eat close to bedtime?";

    public static IReadOnlyList<ExportJournalAnswer> For(WhoopSimulatorState state, int seed = 11)
    {
        var random = new Random(seed);
        var cycles = state.Cycles.Values.OrderBy(c => c.Start).ToList();
        var answers = new List<ExportJournalAnswer>();
        for (var i = 0; i + 1 < cycles.Count; i++)
        {
            if (random.NextDouble() < 0.15 && i < cycles.Count - 8)
            {
                continue; // a day the member skipped the journal (not in the last week: the demo opens on recent days)
            }

            var next = cycles[i + 1];
            var nextRecovery = state.Recoveries.GetValueOrDefault(next.Id)?.Score?.RecoveryScore;
            var nextSleep = state.Recoveries.GetValueOrDefault(next.Id) is { } r && state.Sleeps.GetValueOrDefault(r.SleepId) is { Score: { } score }
                ? (score.StageSummary.TotalLightSleepTimeMilli + score.StageSummary.TotalSlowWaveSleepTimeMilli + score.StageSummary.TotalRemSleepTimeMilli) / 3_600_000.0
                : (double?)null;
            var drank = random.NextDouble() < nextRecovery switch
            {
                < 45 => 0.55,
                > 70 => 0.1,
                _ => 0.25,
            };
            var read = random.NextDouble() < nextSleep switch
            {
                > 7.6 => 0.7,
                < 6.8 => 0.2,
                _ => 0.4,
            };
            answers.Add(new ExportJournalAnswer(cycles[i].Start, Alcohol, drank, drank && random.NextDouble() < 0.2 ? "Two glasses of wine" : null));
            answers.Add(new ExportJournalAnswer(cycles[i].Start, Reading, read));
            answers.Add(new ExportJournalAnswer(cycles[i].Start, Caffeine, random.NextDouble() < 0.7));
            answers.Add(new ExportJournalAnswer(cycles[i].Start, LateMeal, random.NextDouble() < 0.3));
        }

        return answers;
    }
}
