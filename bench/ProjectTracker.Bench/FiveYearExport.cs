using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Bench;

/// <summary>How many records of each kind an export holds.</summary>
public sealed record ExportCounts(int Cycles, int Sleeps, int Workouts, int JournalAnswers)
{
    public override string ToString() => $"{Cycles:N0} cycles, {Sleeps:N0} sleeps (naps included), {Workouts:N0} workouts, {JournalAnswers:N0} journal answers";
}

/// <summary>
/// Issue 24's five-year WHOOP export: <see cref="WhoopDataGenerator"/>'s 1,825 days (a cycle, sleep and recovery a
/// night, naps, a week at UTC+1 every 60 days, the newest cycle open) with every other workout left out (it makes about
/// one a day; the issue sizes the export at 900), and a journal of the questions WHOOP asks, about 22 answered a day.
/// </summary>
public static class FiveYearExport
{
    public const int Days = 5 * 365;

    // WHOOP's journal questions with how often this member answers yes; most are asked every day, a few skipped now and then.
    private static readonly (string Question, double Yes)[] Questions =
    [
        ("Have any alcoholic drinks?", 0.3), ("Consume caffeine?", 0.85), ("Have caffeine within 4 hours of bedtime?", 0.15),
        ("Eat any food close to bedtime?", 0.35), ("Read (non-screened device) while in bed?", 0.4), ("View a screen device in bed?", 0.6),
        ("Experience stress?", 0.35), ("Share your bed?", 0.7), ("Hydrate sufficiently?", 0.65), ("Take magnesium?", 0.5),
        ("Take melatonin?", 0.1), ("Meditate?", 0.25), ("Spend time stretching?", 0.3), ("Get sunlight exposure in the morning?", 0.55),
        ("Work late?", 0.2), ("Travel?", 0.08), ("Feel sick or ill?", 0.04), ("Have an injury or wound?", 0.05),
        ("Use a sleep mask?", 0.2), ("Use ear plugs?", 0.15), ("Take a hot shower or bath before bed?", 0.3), ("Eat added sugar?", 0.45),
        ("Take a cold shower or plunge?", 0.1), ("Use blue-light blocking glasses?", 0.05),
    ];

    private const double Answered = 0.92;

    public static (byte[] Zip, ExportCounts Counts) Write(int seed = 7)
    {
        var state = new WhoopSimulatorState(TimeProvider.System);
        WhoopDataGenerator.Populate(state, Days, seed);
        var workouts = state.Workouts.Values.OrderBy(w => w.Start).ToList();
        for (var i = 1; i < workouts.Count; i += 2)
        {
            state.Workouts.Remove(workouts[i].Id, out _);
        }

        var journal = Journal(state, new Random(seed)).ToList();
        var counts = new ExportCounts(state.Cycles.Count, state.Sleeps.Count, state.Workouts.Count, journal.Count);
        return (WhoopExportWriter.Write(state, journal), counts);
    }

    private static IEnumerable<ExportJournalAnswer> Journal(WhoopSimulatorState state, Random random)
    {
        foreach (var cycle in state.Cycles.Values.OrderBy(c => c.Start))
        {
            foreach (var (question, yes) in Questions)
            {
                if (random.NextDouble() >= Answered)
                {
                    continue;
                }

                var answer = random.NextDouble() < yes;
                var note = answer && question.StartsWith("Have any alcoholic", StringComparison.Ordinal) && random.NextDouble() < 0.2
                    ? $"{random.Next(1, 5)} glasses of wine"
                    : null;
                yield return new ExportJournalAnswer(cycle.Start, question, answer, note);
            }
        }
    }
}
