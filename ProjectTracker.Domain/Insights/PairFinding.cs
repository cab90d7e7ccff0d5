using System.Globalization;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// How a body measure and a coding measure move together. Lag 0: the same day (last night's sleep, this morning's recovery,
/// the day's strain beside the day's coding). Lag 1: the day's coding beside the next day's body measure (does late
/// coding go with tomorrow's recovery). <see cref="Q"/> is the Benjamini–Hochberg adjusted p over every finding of the answer.
/// </summary>
public sealed record PairFinding(
    string Body, string Coding, int Lag, int N, double? R, double? CiLow, double? CiHigh, double? P, string Strength, string Sentence,
    double? Q = null)
{
    public static PairFinding Of(InsightMeasure body, InsightMeasure coding, int lag, IReadOnlyList<(double X, double Y)> pairs)
    {
        var n = pairs.Count;
        var what = Sentences.Capitalise(Subject(body, coding, lag));
        if (n < CorrelationFinding.MinimumDays)
        {
            return new(body.Key, coding.Key, lag, n, null, null, null, null, CorrelationFinding.NotEnoughDays,
                $"{what}: too few days to tell ({n} with both, at least {CorrelationFinding.MinimumDays} needed).");
        }

        if (CorrelationEstimate.Of(pairs) is not { } estimate)
        {
            return new(body.Key, coding.Key, lag, n, null, null, null, null, CorrelationFinding.Undefined,
                $"{what}: cannot be related over {n} days, one of them was the same every day.");
        }

        var strength = CorrelationFinding.StrengthOf(Math.Round(estimate.R, 2));
        var doubt = estimate.CiLow <= 0 && estimate.CiHigh >= 0 ? " The interval includes 0, so it may be no link at all." : "";
        var sentence = $"{what}: r = {F(estimate.R)} (95% CI {F(estimate.CiLow)} to {F(estimate.CiHigh)}, p = {PText(estimate.P)}) over {n} days — {strength}.{doubt}";
        return new(body.Key, coding.Key, lag, n, estimate.R, estimate.CiLow, estimate.CiHigh, estimate.P, strength, sentence);
    }

    private static string F(double value) => (Math.Round(value, 2) + 0.0).ToString("0.00", CultureInfo.InvariantCulture);

    private static string PText(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>What the pair relates, as its sentence begins: "sleep and commits on the same day".</summary>
    public static string Subject(InsightMeasure body, InsightMeasure coding, int lag) =>
        lag == 0 ? $"{body.Name} and {coding.Name} on the same day" : $"{coding.Name} and the next day's {body.Name}";
}
