using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Days;

/// <summary>
/// The days a streak may rest on (<c>rest=red</c>): days whose WHOOP recovery is red (<see cref="RecoveryStatus"/>,
/// below 34%) and days tagged "rest" (any case; an own tag, or a journal question of that name answered yes).
/// </summary>
public sealed class RestDays(IDbContextFactory<TrackerDbContext> contexts)
{
    public const string TagName = "rest";

    public async Task<IReadOnlySet<DateOnly>> ReadAsync(DateRange range, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recoveries = await db.WhoopRecoveries.AsNoTracking()
            .Where(r => r.Date >= range.From && r.Date < range.Until && r.RecoveryScore != null)
            .Select(r => new { r.Date, r.RecoveryScore }).ToListAsync(ct);
        var tags = await db.DayTags.AsNoTracking()
            .Where(t => t.Date >= range.From && t.Date < range.Until && t.Answer)
            .Select(t => new { t.Date, t.Name }).ToListAsync(ct);
        return recoveries.Where(r => RecoveryStatus.Of(r.RecoveryScore) == RecoveryStatus.Red).Select(r => DateOnly.FromDateTime(r.Date))
            .Concat(tags.Where(t => string.Equals(t.Name.Trim(), TagName, StringComparison.OrdinalIgnoreCase)).Select(t => DateOnly.FromDateTime(t.Date)))
            .ToHashSet();
    }
}
