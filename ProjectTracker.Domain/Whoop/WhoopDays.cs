using System.Globalization;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// The day rules: which of the athlete's local calendar days a record belongs to, from its UTC timestamps and its
/// <c>timezone_offset</c>. Days are stored as midnight <see cref="DateTime"/>s in the <c>date</c> columns.
/// </summary>
public static class WhoopDays
{
    /// <summary>Cycles begin on falling asleep the evening before the day they describe.</summary>
    public static readonly TimeSpan CycleDayShift = TimeSpan.FromHours(12);

    /// <summary>Parses WHOOP's <c>+hh:mm</c>, <c>-hh:mm</c> or <c>Z</c>; null when absent or malformed.</summary>
    public static TimeSpan? ParseOffset(string? offset)
    {
        if (string.IsNullOrWhiteSpace(offset))
        {
            return null;
        }

        if (offset is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var negative = offset[0] == '-';
        var body = offset[0] is '+' or '-' ? offset[1..] : offset;
        return TimeSpan.TryParseExact(body, @"hh\:mm", CultureInfo.InvariantCulture, out var span)
            ? (negative ? -span : span)
            : null;
    }

    public static DateOnly LocalDate(DateTime utc, TimeSpan offset) => DateOnly.FromDateTime(utc + offset);

    /// <summary>A sleep (and so its recovery) belongs to the local day of waking up.</summary>
    public static DateOnly SleepDay(DateTime endUtc, TimeSpan offset) => LocalDate(endUtc, offset);

    /// <summary>A cycle belongs to the local date of its start plus 12 hours.</summary>
    public static DateOnly CycleDay(DateTime startUtc, TimeSpan offset) => LocalDate(startUtc + CycleDayShift, offset);

    /// <summary>A workout belongs to the local day it started.</summary>
    public static DateOnly WorkoutDay(DateTime startUtc, TimeSpan offset) => LocalDate(startUtc, offset);

    public static DateTime AsStoredDate(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
