using System.Globalization;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Components;

/// <summary>
/// The dashboard's range as the URL keeps it: the last <see cref="Days"/> days (<c>?days=30</c>) or a custom
/// inclusive <see cref="Start"/>–<see cref="End"/> (<c>?start=2026-01-01&amp;end=2026-01-31</c>).
/// </summary>
public sealed record RangeSelection(int? Days, DateOnly? Start, DateOnly? End)
{
    public const string DaysQuery = "days";
    public const string StartQuery = "start";
    public const string EndQuery = "end";
    public const int DefaultDays = 30;
    public static readonly IReadOnlyList<int> PresetDays = [7, 30, 90, 365];
    public static readonly RangeSelection Default = LastDays(DefaultDays);

    public bool IsCustom => Start is not null && End is not null;

    public static RangeSelection LastDays(int days) => new(days, null, null);

    public static RangeSelection Custom(DateOnly start, DateOnly end) => new(null, start, end);

    /// <summary>The days this selection covers, counting back from the athlete's <paramref name="today"/>.</summary>
    public DateRange Resolve(DateOnly today) =>
        IsCustom ? new DateRange(Start!.Value, End!.Value) : DateRange.LastDays(Days ?? DefaultDays, today);

    /// <summary>The query parameters to put in the URL; nulls remove the ones that no longer apply.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => IsCustom
        ? new Dictionary<string, object?> { [DaysQuery] = null, [StartQuery] = Iso(Start!.Value), [EndQuery] = Iso(End!.Value) }
        : new Dictionary<string, object?> { [DaysQuery] = Days ?? DefaultDays, [StartQuery] = null, [EndQuery] = null };

    /// <summary>Reads the URL's parameters; anything unusable gives the default range and a message saying why.</summary>
    public static (RangeSelection Selection, string? Error) FromQuery(string? days, string? start, string? end)
    {
        if (start is not null || end is not null)
        {
            if (!TryParseDate(start, out var from))
            {
                return (Default, start is null ? "Choose a start date as well as an end date." : $"The start date '{start}' is not a date; use YYYY-MM-DD.");
            }

            if (!TryParseDate(end, out var to))
            {
                return (Default, end is null ? "Choose an end date as well as a start date." : $"The end date '{end}' is not a date; use YYYY-MM-DD.");
            }

            return ValidateCustom(from, to) is { } error ? (Default, error) : (Custom(from, to), null);
        }

        if (days is null)
        {
            return (Default, null);
        }

        return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= DateRange.MaxDays
            ? (LastDays(count), null)
            : (Default, $"'{days}' is not a number of days; use a whole number from 1 to {DateRange.MaxDays}.");
    }

    /// <summary>Why a custom range cannot be used, or null when it can.</summary>
    public static string? ValidateCustom(DateOnly? start, DateOnly? end)
    {
        if (start is null || end is null)
        {
            // A typed date the picker cannot read arrives as null too: the message covers both.
            var which = start is null && end is null ? "The start and end dates are" : start is null ? "The start date is" : "The end date is";
            return $"{which} missing or not a date: type YYYY-MM-DD (such as 2026-01-31) or pick in the calendar.";
        }

        if (end < start)
        {
            return $"The end date ({Iso(end.Value)}) is before the start date ({Iso(start.Value)}).";
        }

        var days = end.Value.DayNumber - start.Value.DayNumber + 1;
        return days > DateRange.MaxDays ? $"A range can cover at most {DateRange.MaxDays} days; this one covers {days}." : null;
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
