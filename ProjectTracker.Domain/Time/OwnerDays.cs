using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Domain.Time;

/// <summary>The owner's local days for GitHub activity: their clock over a span of time, and their today.</summary>
public sealed class OwnerDays(IDbContextFactory<TrackerDbContext> contexts, OwnerCalendarOptions calendar, TimeProvider time)
{
    public OwnerCalendarOptions Calendar => calendar;

    public async Task<LocalClock> ReadClockAsync(DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LocalClock.ReadAsync(db, fromUtc, untilUtc, calendar.TimeZone, cancellationToken);
    }

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return (await ReadClockAsync(now, now, cancellationToken)).LocalDate(now);
    }
}
