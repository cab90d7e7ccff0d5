namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>
/// The statistics of one repository, computed from the owner's commits, code frequency and languages; its time spent is
/// a share of the time over all repositories (<see cref="ProjectTimeSpent"/>).
/// </summary>
public static class RepositoryStatistics
{
    /// <summary>Bytes per line of code, for the fallback estimate when GitHub gives no code-frequency statistics.</summary>
    public const int EstimatedBytesPerLine = 40;

    /// <summary>Distinct UTC calendar days with at least one commit.</summary>
    public static int ActiveDays(IEnumerable<DateTime> commitTimes) =>
        commitTimes.Select(t => DateOnly.FromDateTime(t.ToUniversalTime())).Distinct().Count();

    /// <summary>Lines of code (additions − deletions) and churn (additions + deletions) over all weeks.</summary>
    public static (long Loc, long Churn) LinesOfCode(IEnumerable<CodeFrequencyWeek> weeks)
    {
        long additions = 0, deletions = 0;
        foreach (var week in weeks)
        {
            additions += week.Additions;
            deletions += Math.Abs(week.Deletions); // GitHub reports deletions as negative numbers
        }

        return (Math.Max(0, additions - deletions), additions + deletions);
    }

    /// <summary>An estimate of lines of code from the bytes of code (or, without languages, the repository size).</summary>
    public static long EstimatedLoc(IReadOnlyDictionary<string, long> languageBytes, double sizeKb)
    {
        var bytes = languageBytes.Count > 0 ? languageBytes.Values.Sum() : (long)(sizeKb * 1024);
        return bytes / EstimatedBytesPerLine;
    }

    /// <summary>The language with the most bytes (ties: the alphabetically first), or null when there is none.</summary>
    public static string? PrimaryLanguage(IReadOnlyDictionary<string, long> languageBytes) =>
        languageBytes
            .OrderByDescending(l => l.Value)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Key)
            .FirstOrDefault();
}

/// <summary>One week of GitHub's code-frequency statistics (deletions are negative, as GitHub reports them).</summary>
public readonly record struct CodeFrequencyWeek(long WeekStartUnixSeconds, long Additions, long Deletions);
