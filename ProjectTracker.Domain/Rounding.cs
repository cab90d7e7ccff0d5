namespace ProjectTracker.Domain;

/// <summary>The old app's rounding: Python's <c>round(x, 1)</c>, which rounds halves to even like <see cref="Math.Round(double, int)"/>.</summary>
public static class Rounding
{
    public static double OneDecimal(double value) => Math.Round(value, 1);

    /// <summary>The average to one decimal; null when there is nothing to average (never a 0 that looks measured).</summary>
    public static double? AverageOneDecimal(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? null : OneDecimal(values.Average());

    /// <summary>
    /// Whole-number shares of <paramref name="exact"/> that add up to <paramref name="total"/> (largest remainder): each
    /// share is its value rounded down, and the units still missing go to the largest remainders, earliest first on ties.
    /// </summary>
    public static long[] WholeShares(IReadOnlyList<double> exact, long total)
    {
        var shares = exact.Select(v => (long)Math.Floor(v)).ToArray();
        var missing = total - shares.Sum();
        var byRemainder = Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - shares[i]).ToList();
        for (var i = 0; missing > 0 && byRemainder.Count > 0; i = (i + 1) % byRemainder.Count, missing--)
        {
            shares[byRemainder[i]]++;
        }

        return shares;
    }
}
