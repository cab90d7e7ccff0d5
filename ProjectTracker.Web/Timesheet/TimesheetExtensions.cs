using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Timesheet;

public static class TimesheetExtensions
{
    /// <summary>The owner's calendar (<c>Owner:TimeZone</c>, <c>Owner:FirstDayOfWeek</c>), the shared commit timeline and the coding-days reader.</summary>
    public static WebApplicationBuilder AddTimesheet(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var owner = sp.GetRequiredService<OwnerOptions>();
            return new OwnerCalendarOptions { TimeZone = owner.Zone, FirstDayOfWeek = owner.FirstDayOfWeek };
        });
        builder.Services.AddSingleton<OwnerDays>();
        builder.Services.AddSingleton(sp => new CodingTimelineModel(
            sp.GetRequiredService<IDbContextFactory<TrackerDbContext>>(), sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<DataVersion>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ReadModelOptions>().MaxAge, sp.GetService<IDataChanges>()));
        builder.Services.AddSingleton<CodingDaysReader>();
        builder.Services.AddSingleton<RestDays>();
        return builder;
    }
}
