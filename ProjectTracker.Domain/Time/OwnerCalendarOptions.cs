namespace ProjectTracker.Domain.Time;

/// <summary>
/// Settings of section <c>Owner</c> that place the owner's activity on their calendar: <c>Owner:TimeZone</c> (an IANA
/// name) for the times WHOOP recorded no offset for, and <c>Owner:FirstDayOfWeek</c> for weekly totals (ISO: Monday).
/// </summary>
public sealed class OwnerCalendarOptions
{
    /// <summary>Null: before WHOOP's first cycle its first offset is assumed, and UTC without any WHOOP data.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    public DayOfWeek FirstDayOfWeek { get; init; } = DayOfWeek.Monday;

    /// <summary>The first day of the week holding <paramref name="day"/>.</summary>
    public DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));
}
