using System.Globalization;

namespace ProjectTracker.Domain.Insights;

/// <summary>The words for a pair of measures: X (the cause side) and Y, e.g. recovery and commits.</summary>
public sealed record CorrelationWording(string Cause, string CauseHigher, string Effect, string EffectMore, string EffectLess);

/// <summary>How strongly two daily measures move together, and a sentence that says it plainly.</summary>
public sealed record CorrelationFinding(double? R, int Days, string Strength, string Sentence)
{
    /// <summary>Below this many paired days a coefficient is mostly noise, so none is stated.</summary>
    public const int MinimumDays = 14;

    public const string NotEnoughDays = "not enough days";
    public const string Undefined = "undefined";
    public const string NoLink = "no real link";

    /// <param name="pairs">One pair per day that has both measures.</param>
    public static CorrelationFinding Describe(IReadOnlyList<(double X, double Y)> pairs, CorrelationWording words)
    {
        var days = pairs.Count;
        if (days < MinimumDays)
        {
            return new(null, days, NotEnoughDays,
                $"Not enough days to relate {words.Cause} and {words.Effect} yet: {DaysText(days)} with both, at least {MinimumDays} needed. Pick a longer range.");
        }

        if (Correlation.Pearson(pairs) is not { } r)
        {
            return new(null, days, Undefined,
                $"No link between {words.Cause} and {words.Effect} can be computed over {days} days: one of them was the same every day.");
        }

        // Judged on the r that is shown, so "r = 0.10" never reads "no real link"; + 0.0 turns −0 into 0.
        var shown = Math.Round(r, 2) + 0.0;
        var strength = StrengthOf(shown);
        var rText = shown.ToString("0.00", CultureInfo.InvariantCulture);
        var sentence = strength == NoLink
            ? $"{Sentences.Capitalise(words.Cause)} and {words.Effect} show no real link: r = {rText} over {days} days."
            : $"On days with {words.CauseHigher} {(r > 0 ? words.EffectMore : words.EffectLess)}: r = {rText} over {days} days — {strength}.";
        return new(shown, days, strength, sentence);
    }

    /// <summary>Conventional bands for |r|: below 0.1 none, then weak, moderate, and strong from 0.5.</summary>
    public static string StrengthOf(double r) => Math.Abs(r) switch
    {
        < 0.1 => NoLink,
        < 0.3 => "a weak link",
        < 0.5 => "a moderate link",
        _ => "a strong link",
    };

    private static string DaysText(int days) => days == 1 ? "1 day" : $"{days} days";
}
