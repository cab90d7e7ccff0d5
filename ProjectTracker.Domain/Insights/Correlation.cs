namespace ProjectTracker.Domain.Insights;

/// <summary>Pearson's correlation coefficient over paired daily values.</summary>
public static class Correlation
{
    /// <summary>
    /// r in [−1, 1]; null when it is undefined: fewer than two pairs, or one side never varies (a constant says nothing
    /// about the other).
    /// </summary>
    public static double? Pearson(IReadOnlyList<(double X, double Y)> pairs)
    {
        if (pairs.Count < 2)
        {
            return null;
        }

        var meanX = pairs.Average(p => p.X);
        var meanY = pairs.Average(p => p.Y);
        double covariance = 0, varianceX = 0, varianceY = 0;
        foreach (var (x, y) in pairs)
        {
            covariance += (x - meanX) * (y - meanY);
            varianceX += (x - meanX) * (x - meanX);
            varianceY += (y - meanY) * (y - meanY);
        }

        if (varianceX == 0 || varianceY == 0)
        {
            return null;
        }

        // Rounding can push a perfect correlation a hair past ±1.
        return Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }
}
