namespace ProjectTracker.Domain.GitHub.Timesheet;

public enum TimesheetGroup
{
    Day,
    Week,
    Month,
}

public static class TimesheetGroups
{
    public static readonly IReadOnlyDictionary<string, TimesheetGroup> ByName =
        new Dictionary<string, TimesheetGroup>(StringComparer.OrdinalIgnoreCase)
        {
            ["day"] = TimesheetGroup.Day,
            ["week"] = TimesheetGroup.Week,
            ["month"] = TimesheetGroup.Month,
        };

    public static string Name(this TimesheetGroup group) => group.ToString().ToLowerInvariant();
}
