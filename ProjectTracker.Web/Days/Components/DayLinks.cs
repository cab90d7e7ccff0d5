using System.Globalization;

namespace ProjectTracker.Web.Days.Components;

/// <summary>Where a day's page is (<c>/days/2026-03-14</c>), and a day as its address and the API write it.</summary>
public static class DayLinks
{
    private const string Format = "yyyy-MM-dd";

    public static string Href(DateOnly day) => $"/days/{day.ToString(Format, CultureInfo.InvariantCulture)}";

    /// <summary>The days a page or the API may ask for: from the Unix epoch to a year before the calendar ends.</summary>
    public static readonly DateOnly First = new(1970, 1, 1), Last = new(9998, 12, 31);

    /// <summary>
    /// A day written <c>YYYY-MM-DD</c> from <see cref="First"/> to <see cref="Last"/>, else null: a day's page reads the
    /// days around it and links the next, which the calendar's last day (9999-12-31) does not have.
    /// </summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= First && day <= Last ? day : null;
}
