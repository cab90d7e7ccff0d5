using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.GitHub.Timesheet;

/// <summary>The owner's <see cref="CodingTimeline"/>, read once per data version and shared (<see cref="ReadModel{TSnapshot}"/>).</summary>
public sealed class CodingTimelineModel(
    IDbContextFactory<TrackerDbContext> contexts, GitHubOptions options, DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null)
    : ReadModel<CodingTimeline>(version, time, maxAge, changes)
{
    protected override async Task<CodingTimeline> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await CodingTimeline.ReadAsync(db, options, ct);
    }
}
