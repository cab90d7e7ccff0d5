using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// What /insights opens with: only the findings that hold — a pair of measures or a habit whose 95% interval excludes 0
/// and whose q (Benjamini–Hochberg over everything tested with it) is below <see cref="MaxQ"/> — strongest evidence first;
/// or, when none does, one plain sentence saying so and how many days it would take to tell.
/// </summary>
/// <param name="Holding">The sentences of the findings that hold, at most <see cref="MaxShown"/>.</param>
/// <param name="More">How many more hold than are shown.</param>
/// <param name="Nothing">When nothing holds: why, and what would tell.</param>
public sealed record InsightsStory(IReadOnlyList<string> Holding, int More, string? Nothing)
{
    public const double MaxQ = 0.1;
    public const int MaxShown = 5;

    // Past this a weak link is "more than ten years of days" away: the number stops meaning anything.
    private const int MostDaysWorthSaying = 3650;

    /// <param name="days">The range's days, for the sentence when nothing holds.</param>
    public static InsightsStory Of(IReadOnlyList<PairFinding> pairs, IReadOnlyList<TagEffect> habits, int days)
    {
        var holding = pairs.Where(p => Holds(p.CiLow, p.CiHigh, p.Q)).Select(p => (p.Q!.Value, p.Sentence))
            .Concat(habits.Where(h => Holds(h.CiLow, h.CiHigh, h.Q)).Select(h => (h.Q!.Value, h.Sentence)))
            .OrderBy(f => f.Item1)
            .Select(f => f.Sentence)
            .ToList();
        return holding.Count > 0
            ? new InsightsStory(holding.Take(MaxShown).ToList(), Math.Max(0, holding.Count - MaxShown), null)
            : new InsightsStory([], 0, NothingHolds(pairs, days));
    }

    /// <summary>
    /// Days of data that would show a correlation of <paramref name="r"/> as holding, were it real: its interval clear of 0
    /// at the significance the smallest p among <paramref name="tests"/> needs for q below <see cref="MaxQ"/> (MaxQ / tests),
    /// from Fisher's z (atanh r · √(n − 3) beyond that normal quantile).
    /// </summary>
    public static int DaysToTell(double r, int tests)
    {
        var z = Normal.InvCDF(0, 1, 1 - MaxQ / Math.Max(1, tests) / 2);
        var effect = Math.Atanh(Math.Min(Math.Abs(r), 0.999999));
        return effect <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, Math.Ceiling(Math.Pow(z / effect, 2) + 3));
    }

    private static bool Holds(double? low, double? high, double? q) =>
        low is { } l && high is { } h && (l > 0 || h < 0) && q < MaxQ;

    private static string NothingHolds(IReadOnlyList<PairFinding> pairs, int days)
    {
        var measured = pairs.Where(p => p.R is not null).ToList();
        if (measured.Count == 0)
        {
            return $"Too few days to tell anything yet: every pair of measures needs at least {CorrelationFinding.MinimumDays} days with both. Pick a longer range.";
        }

        var strongest = measured.MaxBy(p => Math.Abs(p.R!.Value))!;
        var r = (Math.Round(strongest.R!.Value, 2) + 0.0).ToString("0.00", CultureInfo.InvariantCulture);
        var what = PairFinding.Subject(Measure(strongest.Body), Measure(strongest.Coding), strongest.Lag);
        var needed = DaysToTell(strongest.R.Value, measured.Count);
        var tell = needed > MostDaysWorthSaying
            ? "is too weak to tell from chance in under ten years of days"
            : $"would take about {needed.ToString("N0", CultureInfo.InvariantCulture)} days to tell from chance, if it is real";
        return $"Nothing holds over these {days} days: no link between your body and your coding, and no habit's effect, "
            + $"stands out from chance (an interval clear of 0 and q below {MaxQ.ToString("0.0", CultureInfo.InvariantCulture)}). "
            + $"The strongest seen, {what} (r = {r}), {tell}.";
    }

    private static InsightMeasure Measure(string key) => InsightMeasures.All.First(m => m.Key == key);
}
