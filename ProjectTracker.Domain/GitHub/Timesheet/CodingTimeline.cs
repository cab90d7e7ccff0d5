using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>
/// Every commit of the owner, over all projects, in time order with the stretch of time it owns (decision 0015): the
/// input of every coding-hours figure. Never modified once built.
/// </summary>
public sealed record CodingTimeline(IReadOnlyList<CommitStretch> Stretches)
{
    public static async Task<CodingTimeline> ReadAsync(TrackerDbContext db, GitHubOptions options, CancellationToken ct)
    {
        var commits = await db.ProjectCommits.AsNoTracking().Select(c => new TimelineCommit(c.ProjectId, c.AuthoredAt)).ToListAsync(ct);
        return new CodingTimeline([.. CodingSessions.Stretches(commits, options)]);
    }

    /// <summary>
    /// The stretches that end at or after <paramref name="fromUtc"/> and start at or before <paramref name="untilUtc"/>,
    /// found by binary search: a stretch starts where the one before it ended or later, so both ends rise with the commits.
    /// </summary>
    public IEnumerable<CommitStretch> Between(DateTime fromUtc, DateTime untilUtc)
    {
        int low = 0, high = Stretches.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = Stretches[middle].Until < fromUtc ? (middle + 1, high) : (low, middle);
        }

        for (var i = low; i < Stretches.Count && Stretches[i].From <= untilUtc; i++)
        {
            yield return Stretches[i];
        }
    }

    /// <summary>Each project's coding minutes over the whole timeline: the stretches its commits own (summed as ticks, so exact).</summary>
    public IReadOnlyDictionary<int, double> MinutesByProject() => Stretches
        .GroupBy(s => s.ProjectId)
        .ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration).TotalMinutes);
}
