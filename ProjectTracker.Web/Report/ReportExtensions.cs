using Hangfire;
using ProjectTracker.Domain.Report;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Report;

public static class ReportExtensions
{
    /// <summary>The weekly report (<c>/report/{week}</c>) and its e-mail settings, <c>Report:To</c> and <c>Report:Smtp:*</c>.</summary>
    public static WebApplicationBuilder AddReport(this WebApplicationBuilder builder)
    {
        builder.Services.AddReportSettings();
        builder.Services.AddSingleton<WeeklyReportReader>();
        builder.Services.AddSingleton<ReportSender>();
        builder.Services.AddTransient<WeeklyReportJob>();
        return builder;
    }

    /// <summary><c>Report:Smtp:*</c> and <c>Report:To</c>, each checked alone and against the other (one without the other sends nothing).</summary>
    public static IServiceCollection AddReportSettings(this IServiceCollection services)
    {
        services.AddSettings<SmtpOptions>(SmtpOptions.Section);
        services.AddSettings<ReportOptions>(ReportOptions.Section)
            .Validate<SmtpOptions>((report, smtp) => !smtp.IsConfigured || report.To.Length > 0,
                "Report:To must be set (one or more e-mail addresses) when Report:Smtp:Host is: the weekly report needs someone to go to.")
            .Validate<SmtpOptions>((report, smtp) => smtp.IsConfigured || report.To.Length == 0,
                "Report:Smtp:Host must be set when Report:To is: the weekly report needs a mail server to go through.");
        return services;
    }

    /// <summary>
    /// With the e-mail set up, the Monday job (08:00 in <c>Owner:TimeZone</c>, UTC without one); without it, removes a
    /// schedule an earlier start with the settings left in the job storage.
    /// </summary>
    public static WebApplication StartReport(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (!app.Services.GetRequiredService<ReportSender>().IsConfigured)
        {
            jobs.RemoveIfExists(WeeklyReportJob.RecurringJobId);
            return app;
        }

        var zone = app.Services.GetRequiredService<OwnerOptions>().Zone ?? TimeZoneInfo.Utc;
        jobs.AddOrUpdate<WeeklyReportJob>(WeeklyReportJob.RecurringJobId, job => job.SendLastWeekAsync(), WeeklyReportJob.Schedule,
            new RecurringJobOptions { TimeZone = zone });
        return app;
    }
}
