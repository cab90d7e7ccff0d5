using System.Globalization;
using ProjectTracker.Domain.GitHub.Timesheet;

namespace ProjectTracker.Web.Timesheet.Components;

/// <summary>How a timesheet period is written: a day or week by its first day, a month by its name.</summary>
public static class PeriodLabels
{
    public static string Short(DateOnly period, TimesheetGroup group) => group == TimesheetGroup.Month
        ? period.ToString("MMM yy", CultureInfo.InvariantCulture)
        : period.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Long(DateOnly period, TimesheetGroup group) => group switch
    {
        TimesheetGroup.Month => period.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        TimesheetGroup.Week => "week of " + period.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => period.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
    };

    public static string Hours(double minutes) => minutes <= 0 ? "–" : (minutes / 60).ToString("0.0", CultureInfo.InvariantCulture);
}
