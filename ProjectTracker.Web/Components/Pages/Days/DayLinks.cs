using System.Globalization;

namespace ProjectTracker.Web.Components.Pages.Days;

/// <summary>Where a day's page is: <c>/days/2026-03-14</c>.</summary>
public static class DayLinks
{
    public static string Href(DateOnly day) => $"/days/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
