namespace ProjectTracker.Domain.Insights;

/// <summary>
/// Pearson's r over <see cref="N"/> pairs with how far to trust it: a 95% confidence interval from Fisher's z
/// (atanh r ± 1.96 / √(n − 3)) and the two-sided p-value of r ≠ 0 from Student's t with n − 2 degrees of freedom.
/// </summary>
public sealed record CorrelationEstimate(double R, int N, double CiLow, double CiHigh, double P)
{
    private const double Z975 = 1.959963984540054;

    /// <summary>Null when r is undefined (fewer than four pairs, or one side constant): no interval can be given.</summary>
    public static CorrelationEstimate? Of(IReadOnlyList<(double X, double Y)> pairs)
    {
        var n = pairs.Count;
        if (n < 4 || Correlation.Pearson(pairs) is not { } r)
        {
            return null;
        }

        // atanh(±1) is infinite; a perfect correlation's interval is the point itself.
        var z = Math.Atanh(Math.Clamp(r, -0.999999999999, 0.999999999999));
        var halfWidth = Z975 / Math.Sqrt(n - 3);
        var p = Math.Abs(r) >= 1 ? 0 : TwoSidedP(r * Math.Sqrt((n - 2) / (1 - r * r)), n - 2);
        return new CorrelationEstimate(r, n, Math.Tanh(z - halfWidth), Math.Tanh(z + halfWidth), p);
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom (MathNet.Numerics).</summary>
    public static double TwoSidedP(double t, int df) => 2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -Math.Abs(t));
}
