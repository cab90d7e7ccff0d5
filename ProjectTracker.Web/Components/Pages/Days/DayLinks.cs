using System.Globalization;

namespace ProjectTracker.Web.Components.Pages.Days;

/// <summary>Where a day's page is (<c>/days/2026-03-14</c>), and a day as its address and the API write it.</summary>
public static class DayLinks
{
    private const string Format = "yyyy-MM-dd";

    public static string Href(DateOnly day) => $"/days/{day.ToString(Format, CultureInfo.InvariantCulture)}";

    /// <summary>A day written <c>YYYY-MM-DD</c>, else null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
