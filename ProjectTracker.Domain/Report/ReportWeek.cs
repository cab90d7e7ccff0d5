using System.Globalization;
using System.Text.RegularExpressions;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Domain.Report;

/// <summary>
/// An ISO 8601 week (<c>2026-W49</c>): Monday to Sunday, week 1 being the week with the year's first Thursday
/// (<see cref="ISOWeek"/>). The report counts ISO weeks whatever <c>Owner:FirstDayOfWeek</c> says, so a week's address
/// means the same days everywhere.
/// </summary>
public readonly partial record struct ReportWeek(int Year, int Week)
{
    /// <summary>The years a report may be asked for: room for the 8-week baseline before and the day after the week.</summary>
    public const int MinYear = 1970, MaxYear = 9998;

    public DateOnly Start => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly End => Start.AddDays(6);

    public DateRange Range => new(Start, End);

    public ReportWeek Previous => Of(Start.AddDays(-7));

    public ReportWeek Next => Of(Start.AddDays(7));

    /// <summary>The ISO week a day falls in.</summary>
    public static ReportWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new ReportWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary><c>yyyy-Www</c> (the W in any case), a week the year has, the year from <see cref="MinYear"/> to <see cref="MaxYear"/>; else null.</summary>
    public static ReportWeek? Parse(string? text)
    {
        if (text is null || Pattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        return year is >= MinYear and <= MaxYear && week >= 1 && week <= ISOWeek.GetWeeksInYear(year) ? new ReportWeek(year, week) : null;
    }

    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    [GeneratedRegex(@"^(?<year>\d{4})-[Ww](?<week>\d{2})$")]
    private static partial Regex Pattern();
}
