using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Domain.Time;

/// <summary>
/// The owner's local time at any moment: from each WHOOP cycle's start, the offset WHOOP recorded for it (so a commit at
/// home or abroad falls on the evening it was made); before the first known cycle, <c>Owner:TimeZone</c> when set, else
/// the first cycle's offset; without WHOOP data, <c>Owner:TimeZone</c>, else UTC.
/// </summary>
public sealed class LocalClock
{
    /// <summary>WHOOP's offsets run from −12 to +14 hours: a local day's moments lie within this of its UTC day.</summary>
    public static readonly TimeSpan OffsetMargin = TimeSpan.FromHours(14);

    private readonly DateTime[] _starts;
    private readonly TimeSpan[] _offsets;
    private readonly TimeZoneInfo? _fallback;

    public LocalClock(IReadOnlyList<(DateTime Start, TimeSpan Offset)> changes, TimeZoneInfo? fallback)
    {
        var ordered = changes.OrderBy(c => c.Start).ToList();
        _starts = [.. ordered.Select(c => c.Start)];
        _offsets = [.. ordered.Select(c => c.Offset)];
        _fallback = fallback;
    }

    public DateTime ToLocal(DateTime utc)
    {
        if (_starts.Length == 0 || (utc < _starts[0] && _fallback is not null))
        {
            return _fallback is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _fallback);
        }

        // The last cycle started at or before the moment; BinarySearch gives the complement of the next one's index.
        var index = Array.BinarySearch(_starts, utc);
        var current = index >= 0 ? index : Math.Max(0, ~index - 1);
        return utc + _offsets[current];
    }

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The offset WHOOP recorded that places the moment, or null where the fallback zone (or UTC) does.</summary>
    public TimeSpan? RecordedOffsetAt(DateTime utc) =>
        _starts.Length == 0 || (utc < _starts[0] && _fallback is not null) ? null : ToLocal(utc) - utc;

    /// <summary>
    /// A span of time cut at local midnights: each local day it touches with the time of the span in it, so a day never
    /// holds more than its own hours.
    /// </summary>
    public IEnumerable<(DateOnly Day, TimeSpan Time)> ByLocalDay(DateTime fromUtc, DateTime untilUtc) =>
        LocalDayParts(fromUtc, untilUtc).Select(part => (DateOnly.FromDateTime(part.LocalFrom), part.Time));

    /// <summary>
    /// A span of time cut at local clock hours: each hour it touches (its local start) with the time of the span in it.
    /// The hours are cut within <see cref="ByLocalDay"/>'s parts, so a day's hours always add up to its time there.
    /// </summary>
    public IEnumerable<(DateTime LocalHour, TimeSpan Time)> ByLocalHour(DateTime fromUtc, DateTime untilUtc)
    {
        foreach (var (localFrom, time) in LocalDayParts(fromUtc, untilUtc))
        {
            var (at, end) = (localFrom, localFrom + time);
            while (at < end)
            {
                var hour = new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, at.Kind);
                var next = hour.AddHours(1) < end ? hour.AddHours(1) : end;
                yield return (hour, next - at);
                at = next;
            }
        }
    }

    /// <summary>The span cut at local midnights, each part with its local start read at that moment.</summary>
    private IEnumerable<(DateTime LocalFrom, TimeSpan Time)> LocalDayParts(DateTime fromUtc, DateTime untilUtc)
    {
        while (fromUtc < untilUtc)
        {
            var local = ToLocal(fromUtc);
            var midnight = fromUtc + (local.Date.AddDays(1) - local); // always later than fromUtc, so the walk ends
            var end = midnight < untilUtc ? midnight : untilUtc;
            yield return (local, end - fromUtc);
            fromUtc = end;
        }
    }

    /// <summary>
    /// The cycles' offsets between <paramref name="fromUtc"/> and <paramref name="untilUtc"/> (with margins), and the
    /// newest one before them for what precedes them.
    /// </summary>
    public static async Task<LocalClock> ReadAsync(
        TrackerDbContext db, DateTime fromUtc, DateTime untilUtc, TimeZoneInfo? fallback, CancellationToken cancellationToken)
    {
        var from = fromUtc < DateTime.MinValue.AddDays(3) ? DateTime.MinValue : fromUtc - TimeSpan.FromDays(2);
        var until = untilUtc > DateTime.MaxValue.AddDays(-1) ? DateTime.MaxValue : untilUtc + OffsetMargin;
        var cycles = db.WhoopCycles.AsNoTracking().Where(c => c.StartTime != null && c.TimezoneOffset != null);
        var inRange = await cycles
            .Where(c => c.StartTime >= from && c.StartTime < until)
            .Select(c => new { Start = c.StartTime!.Value, c.TimezoneOffset })
            .ToListAsync(cancellationToken);
        var before = await cycles
            .Where(c => c.StartTime < from)
            .OrderByDescending(c => c.StartTime)
            .Select(c => new { Start = c.StartTime!.Value, c.TimezoneOffset })
            .FirstOrDefaultAsync(cancellationToken);
        var changes = inRange.Append(before)
            .Where(c => c is not null && WhoopDays.ParseOffset(c.TimezoneOffset) is not null)
            .Select(c => (c!.Start, WhoopDays.ParseOffset(c.TimezoneOffset)!.Value))
            .ToList();
        return new LocalClock(changes, fallback);
    }
}
