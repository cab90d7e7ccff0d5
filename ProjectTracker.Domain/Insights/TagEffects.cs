using System.Globalization;
using ProjectTracker.Domain.Days;

namespace ProjectTracker.Domain.Insights;

/// <summary>One tag's effect on one measure at one lag: the groups, the difference with its interval, p and q, and the sentence.</summary>
public sealed record TagEffect(
    string Tag, string Source, string Measure, int Lag, int NWith, int NWithout, double? MeanWith, double? MeanWithout,
    double? Difference, double? CiLow, double? CiHigh, double? P, double? Q, string Sentence);

/// <summary>
/// What each habit does to the day itself (lag 0) and to the next (lag 1): for a journal question, the days answered yes
/// against the days answered no; for an own tag, the days with it against the days without. Only days whose measure is
/// known count (a pending recovery is unknown, not 0). Each row needs <see cref="MinimumDays"/> days in each group; the
/// q of every row is Benjamini–Hochberg over the whole answer, since many tags × measures × lags would otherwise
/// "find" effects by chance.
/// </summary>
public static class TagEffects
{
    public const int MinimumDays = 8;
    public static readonly int[] Lags = [0, 1];

    /// <summary>The measures of <c>/api/insights</c>, with the unit a sentence says them in (durations in hours, or minutes below one).</summary>
    public static readonly IReadOnlyList<(InsightMeasure Measure, string Unit)> Measures =
    [
        (InsightMeasures.Recovery, "points"),
        (InsightMeasures.Hrv, "ms"),
        (new InsightMeasure("resting_heart_rate", "resting heart rate", "bpm", false, d => d.RestingHeartRate), "bpm"),
        (InsightMeasures.SleepHours, Hours),
        (InsightMeasures.Strain, "points"),
        (InsightMeasures.Commits, "commits"),
        (InsightMeasures.CodingHours, Hours),
    ];

    private const string Hours = "h";

    /// <param name="days">Every day of the range and the day after it, with what is known of each.</param>
    /// <param name="tags">The tags on the range's days.</param>
    /// <param name="hasGitHubData">Without GitHub data commits and coding hours are unknown, not 0.</param>
    public static IReadOnlyList<TagEffect> Of(Time.DateRange range, IReadOnlyList<InsightDay> days, IReadOnlyList<DayTag> tags, bool hasGitHubData)
    {
        var byDay = days.ToDictionary(d => d.Date);
        var rows = new List<(string Tag, string Source, string Measure, int Lag, GroupDifference? Difference, int With, int Without, string Unit, string MeasureName)>();
        foreach (var tag in tags.GroupBy(t => (t.Name, t.Source)).OrderBy(g => g.Key.Source).ThenBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase))
        {
            var answers = tag.ToDictionary(t => DateOnly.FromDateTime(t.Date), t => t.Answer);
            // An automatic tag is made from the coding data: set against coding it would only find itself.
            foreach (var (measure, unit) in Measures.Where(m => tag.Key.Source != DayTag.AutoSource || !m.Measure.IsCoding))
            {
                foreach (var lag in Lags)
                {
                    var (with, without) = Groups(range, answers, tag.Key.Source, measure, lag, byDay, hasGitHubData);
                    rows.Add((tag.Key.Name, tag.Key.Source, measure.Key, lag, GroupDifference.Welch(with, without), with.Count, without.Count, unit, measure.Name));
                }
            }
        }

        var q = FalseDiscovery.Adjust(rows.Select(r => r.With >= MinimumDays && r.Without >= MinimumDays ? r.Difference?.P : null).ToList());
        return rows.Select((r, i) =>
        {
            var enough = r.With >= MinimumDays && r.Without >= MinimumDays;
            var d = enough ? r.Difference : null;
            return new TagEffect(
                r.Tag, r.Source, r.Measure, r.Lag, r.With, r.Without, d?.MeanWith, d?.MeanWithout, d?.Difference, d?.CiLow, d?.CiHigh, d?.P, q[i],
                Sentence(r.Tag, r.Source, r.MeasureName, r.Lag, r.With, r.Without, d, q[i], r.Unit));
        }).ToList();
    }

    private static (List<double> With, List<double> Without) Groups(
        Time.DateRange range, Dictionary<DateOnly, bool> answers, string source, InsightMeasure measure, int lag,
        Dictionary<DateOnly, InsightDay> byDay, bool hasGitHubData)
    {
        var (with, without) = (new List<double>(), new List<double>());
        for (var day = range.Start; day <= range.End; day = day.AddDays(1))
        {
            if (!byDay.TryGetValue(day.AddDays(lag), out var measured) || (measure.IsCoding && !hasGitHubData) || measure.Value(measured) is not { } value)
            {
                continue;
            }

            // A journal question's "no" days are the comparison; an own or automatic tag's are the days without it.
            var answered = answers.TryGetValue(day, out var yes);
            if (answered && yes)
            {
                with.Add(value);
            }
            else if (answered || source != DayTag.JournalSource)
            {
                without.Add(value);
            }
        }

        return (with, without);
    }

    private static string Sentence(string tag, string source, string measure, int lag, int nWith, int nWithout, GroupDifference? d, double? q, string unit)
    {
        var days = source switch
        {
            DayTag.JournalSource => $"days you answered yes to '{tag}'",
            DayTag.AutoSource => $"days with {tag} (an automatic tag)",
            _ => $"days tagged '{tag}'",
        };
        var when = lag == 0 ? $"On {days}" : $"After {days}";
        if (nWith < MinimumDays || nWithout < MinimumDays)
        {
            return $"{when}: {nWith} days against {nWithout}; it takes at least {MinimumDays} in each to say what it does to {measure}.";
        }

        if (d is null)
        {
            return $"{when}, {measure} did not vary at all ({nWith} days against {nWithout}): nothing to compare.";
        }

        // A duration under an hour reads better in minutes: "25 minutes more", its interval in the same unit.
        var (scale, shown, format) = unit == Hours && Math.Abs(d.Difference) < 1 ? (60.0, "minutes", "0") : (1.0, unit, "0.0");
        var direction = d.Difference > 0 ? "higher" : d.Difference < 0 ? "lower" : "no different";
        var size = d.Difference == 0 ? "" : $"{Number(Math.Abs(d.Difference) * scale, format)} {shown} ";
        var day = lag == 0 ? "that day" : "the next day";
        var verb = measure.EndsWith('s') ? "were" : "was";
        return $"{when}, {measure} {verb} {size}{direction} {day} (95% CI {Signed(d.CiLow * scale, format)} to {Signed(d.CiHigh * scale, format)}; " +
               $"{nWith} days against {nWithout}; {QText(q)}).";
    }

    private static string Signed(double value, string format) => (value < 0 ? "−" : "") + Number(Math.Abs(value), format);

    private static string QText(double? q) => q switch
    {
        null => "q not computed",
        < 0.001 => "q < 0.001",
        _ => $"q = {Number(q.Value, "0.000")}",
    };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
