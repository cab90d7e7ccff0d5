namespace ProjectTracker.Domain;

/// <summary>The old app's rounding: Python's <c>round(x, 1)</c>, which rounds halves to even like <see cref="Math.Round(double, int)"/>.</summary>
public static class Rounding
{
    public static double OneDecimal(double value) => Math.Round(value, 1);

    public static double OneDecimalOrZero(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? 0 : OneDecimal(values.Average());
}
