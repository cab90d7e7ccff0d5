using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace ProjectTracker.Domain.Insights;

/// <summary>
/// The difference of two groups' means with Welch's t (unequal variances): its 95% confidence interval and two-sided p.
/// Student's t comes from MathNet.Numerics.
/// </summary>
public sealed record GroupDifference(int NWith, int NWithout, double MeanWith, double MeanWithout, double CiLow, double CiHigh, double P)
{
    public double Difference => MeanWith - MeanWithout;

    /// <summary>Null when either group has fewer than two values, or both have no spread (no variance to test against).</summary>
    public static GroupDifference? Welch(IReadOnlyList<double> with, IReadOnlyList<double> without)
    {
        if (with.Count < 2 || without.Count < 2)
        {
            return null;
        }

        var (meanWith, varianceWith) = with.MeanVariance();
        var (meanWithout, varianceWithout) = without.MeanVariance();
        var (a, b) = (varianceWith / with.Count, varianceWithout / without.Count);
        var standardError = Math.Sqrt(a + b);
        if (standardError == 0)
        {
            return null;
        }

        // Welch–Satterthwaite degrees of freedom.
        var df = (a + b) * (a + b) / (a * a / (with.Count - 1) + b * b / (without.Count - 1));
        var t = (meanWith - meanWithout) / standardError;
        var critical = StudentT.InvCDF(0, 1, df, 0.975);
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var difference = meanWith - meanWithout;
        return new GroupDifference(
            with.Count, without.Count, meanWith, meanWithout, difference - critical * standardError, difference + critical * standardError, Math.Min(1, p));
    }
}

/// <summary>Benjamini–Hochberg: the false-discovery-rate adjusted p of each of many tests at once.</summary>
public static class FalseDiscovery
{
    /// <summary>q for each p, in the same order; null stays null and does not count as a test.</summary>
    public static double?[] Adjust(IReadOnlyList<double?> p)
    {
        var tested = p.Select((value, index) => (Value: value, Index: index)).Where(x => x.Value is not null).OrderBy(x => x.Value).ToList();
        var q = new double?[p.Count];
        var smallest = 1.0;
        for (var rank = tested.Count; rank >= 1; rank--)
        {
            var (value, index) = tested[rank - 1];
            smallest = Math.Min(smallest, value!.Value * tested.Count / rank);
            q[index] = smallest;
        }

        return q;
    }
}
