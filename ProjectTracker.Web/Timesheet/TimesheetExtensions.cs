using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Timesheet;

public static class TimesheetExtensions
{
    /// <summary>The owner's calendar (<c>Owner:TimeZone</c>, <c>Owner:FirstDayOfWeek</c>), and the coding-days reader (over the GitHub read model's commit timeline).</summary>
    public static WebApplicationBuilder AddTimesheet(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var owner = sp.GetRequiredService<OwnerOptions>();
            return new OwnerCalendarOptions { TimeZone = owner.Zone, FirstDayOfWeek = owner.FirstDayOfWeek };
        });
        builder.Services.AddSingleton<OwnerDays>();
        builder.Services.AddSingleton<CodingDaysReader>();
        builder.Services.AddSingleton<RestDays>();
        return builder;
    }
}
