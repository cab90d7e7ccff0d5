using System.Globalization;

using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Api;

/// <summary>
/// Reads the range parameters shared by every WHOOP read and refresh: <c>days</c> (1–3650), or <c>start_date</c> and
/// <c>end_date</c> (<c>YYYY-MM-DD</c>, inclusive), which together win over <c>days</c>. Every value given is checked,
/// even one that a winning pair makes irrelevant, so a typo never passes silently.
/// </summary>
public static class DateRangeParser
{
    public const string DaysParameter = "days";
    public const string StartDateParameter = "start_date";
    public const string EndDateParameter = "end_date";

    // Far beyond any WHOOP or GitHub data, and far enough from DateOnly's limits that range arithmetic cannot overflow.
    private static readonly DateOnly EarliestDate = new(1970, 1, 1);
    private static readonly DateOnly LatestDate = new(2999, 12, 31);

    /// <param name="values">The query string's values for a parameter name (empty when absent).</param>
    /// <exception cref="InvalidQueryParameterException">A value is malformed, repeated or out of range.</exception>
    public static DateRange Parse(Func<string, IReadOnlyList<string?>> values, int defaultDays, DateOnly today)
    {
        var days = ParseDays(Single(values, DaysParameter)) ?? defaultDays;
        var start = ParseDate(Single(values, StartDateParameter), StartDateParameter);
        var end = ParseDate(Single(values, EndDateParameter), EndDateParameter);

        var range = (start, end) switch
        {
            ({ } s, { } e) => new DateRange(s, e),
            ({ } s, null) => new DateRange(s, today),
            (null, { } e) => DateRange.LastDays(days, e),
            _ => DateRange.LastDays(days, today),
        };

        if (range.End < range.Start)
        {
            throw end is null
                ? new InvalidQueryParameterException(StartDateParameter,
                    $"start_date ({range.Start:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}); give end_date as well.")
                : new InvalidQueryParameterException(EndDateParameter,
                    $"end_date ({range.End:yyyy-MM-dd}) is before start_date ({range.Start:yyyy-MM-dd}).");
        }

        if (range.Days > DateRange.MaxDays)
        {
            throw new InvalidQueryParameterException(start is null ? EndDateParameter : StartDateParameter,
                $"The range from start_date to end_date spans {range.Days} days; at most {DateRange.MaxDays} are allowed.");
        }

        return range;
    }

    private static string? Single(Func<string, IReadOnlyList<string?>> values, string name)
    {
        var given = values(name);
        return given.Count switch
        {
            0 => null,
            1 => given[0] ?? "",
            _ => throw new InvalidQueryParameterException(name, $"{name} was given {given.Count} times; give it once."),
        };
    }

    private static int? ParseDays(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= DateRange.MaxDays)
        {
            return days;
        }

        throw new InvalidQueryParameterException(DaysParameter,
            $"days must be a whole number from 1 to {DateRange.MaxDays}; got '{Shorten(value)}'.");
    }

    private static DateOnly? ParseDate(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date >= EarliestDate && date <= LatestDate
                ? date
                : throw new InvalidQueryParameterException(name,
                    $"{name} must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}; got '{value}'.");
        }

        throw new InvalidQueryParameterException(name, $"{name} must be a date in the form YYYY-MM-DD; got '{Shorten(value)}'.");
    }

    // Echo enough of a bad value to recognise it, never a whole pasted document.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
