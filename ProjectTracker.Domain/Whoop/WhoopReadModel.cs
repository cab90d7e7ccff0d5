using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Every stored WHOOP record, read once and shared (<see cref="ReadModel{TSnapshot}"/>): a year's metrics or a week's
/// list is then a pass over memory instead of four queries. A member's whole history is small (five years is about
/// 7,500 rows), and it is what the year views and long ranges ask for anyway.
/// </summary>
public sealed class WhoopReadModel(
    IDbContextFactory<TrackerDbContext> contexts, DataVersion version, TimeProvider time, TimeSpan maxAge, IDataChanges? changes = null)
    : ReadModel<WhoopSnapshot>(version, time, maxAge, changes)
{
    // In the list queries' order, so a range cut from memory is in the order the database would give it.
    protected override async Task<WhoopSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recoveries = await WhoopReadService.InListOrder(db.WhoopRecoveries.AsNoTracking()).ToListAsync(ct);
        var sleeps = await WhoopReadService.InListOrder(db.WhoopSleeps.AsNoTracking()).ToListAsync(ct);
        var workouts = await WhoopReadService.InListOrder(db.WhoopWorkouts.AsNoTracking()).ToListAsync(ct);
        var cycles = await WhoopReadService.InListOrder(db.WhoopCycles.AsNoTracking()).ToListAsync(ct);
        return new WhoopSnapshot(
            new DayIndexedRecords<WhoopRecovery>(recoveries, r => r.Date),
            new DayIndexedRecords<WhoopSleep>(sleeps, s => s.Date),
            new DayIndexedRecords<WhoopWorkout>(workouts, w => w.Date ?? w.StartTime),
            new DayIndexedRecords<WhoopCycle>(cycles, c => c.Date ?? c.StartTime));
    }
}
