namespace ProjectTracker.Domain;

/// <summary>The old app's rounding: Python's <c>round(x, 1)</c>, which rounds halves to even like <see cref="Math.Round(double, int)"/>.</summary>
public static class Rounding
{
    public static double OneDecimal(double value) => Math.Round(value, 1);

    /// <summary>The average to one decimal; null when there is nothing to average (never a 0 that looks measured).</summary>
    public static double? AverageOneDecimal(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? null : OneDecimal(values.Average());
}
