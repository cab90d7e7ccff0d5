using ProjectTracker.Domain.Configuration;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Timesheet;

public static class TimesheetExtensions
{
    /// <summary>The owner's calendar (<c>Owner:TimeZone</c>, <c>Owner:FirstDayOfWeek</c>) and the coding-days reader.</summary>
    public static WebApplicationBuilder AddTimesheet(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ReadCalendar(builder.Configuration));
        builder.Services.AddSingleton<OwnerDays>();
        builder.Services.AddSingleton<CodingDaysReader>();
        return builder;
    }

    public static OwnerCalendarOptions ReadCalendar(IConfiguration config)
    {
        TimeZoneInfo? zone = null;
        if (config.Read("Owner:TimeZone") is { } zoneName)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new SettingException("Owner:TimeZone", $"must be an IANA time-zone name such as Europe/Berlin or America/New_York; got '{zoneName}'.");
            }
        }

        var firstDay = DayOfWeek.Monday;
        if (config.Read("Owner:FirstDayOfWeek") is { } dayName
            && (!Enum.TryParse(dayName, ignoreCase: true, out firstDay) || !Enum.IsDefined(firstDay) || int.TryParse(dayName, out _)))
        {
            throw new SettingException("Owner:FirstDayOfWeek", $"must be a day name such as Monday or Sunday; got '{dayName}'.");
        }

        return new OwnerCalendarOptions { TimeZone = zone, FirstDayOfWeek = firstDay };
    }
}
