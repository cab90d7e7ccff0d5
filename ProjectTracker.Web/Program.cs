using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Components;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Days;
using ProjectTracker.Web.Demo;
using ProjectTracker.Web.Export;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Goals;
using ProjectTracker.Web.Insights;
using ProjectTracker.Web.Jobs;
using ProjectTracker.Web.Persistence;
using ProjectTracker.Web.Report;
using ProjectTracker.Web.Timesheet;
using ProjectTracker.Web.Whoop;

try
{
    var builder = WebApplication.CreateBuilder(HostingExtensions.TranslateSwitches(args));
    builder.Configuration.AddLegacySettingNames();
    await builder.AddDemoIfEnabledAsync();
    builder.UsePortVariable();
    builder.AddPersistence();
    builder.AddCorsOrigins();
    builder.AddOwner();
    builder.AddApi();
    builder.AddJobs();
    builder.AddGitHub();
    builder.AddTimesheet();
    builder.AddWhoop();
    builder.AddDays();
    builder.AddGoals();
    builder.AddInsights();
    builder.AddReport();
    builder.AddDashboard();
    builder.AddAccess();
    var app = builder.Build().ValidateSettings();

    await app.MigrateDatabaseAsync();
    await app.StartGitHubJobsAsync();
    await app.StartWhoopAsync();
    app.StartReport();

    app.UseAccess(); // first: forwarded headers, HSTS, security headers, refresh rate limit
    app.UseExceptionHandler();
    // Unknown /api routes and methods answer problem+json; unknown pages show the dashboard's "not found" page.
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseApiStatusPages().UseHeadWithoutBody());
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
        pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    app.UseRouting(); // after the re-execute above, so a re-executed request is routed again
    app.UseCors();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapApi();
    app.MapJobs();
    var readable = app.MapGroup("").AnswerHeadLikeGet(); // the JSON and CSV routes: HEAD wherever GET
    readable.MapGitHubApi();
    readable.MapTimesheetApi();
    readable.MapExportApi();
    readable.MapInsightsApi();
    readable.MapWhoopApi();
    readable.MapWhoopCompatibilityApi();
    readable.MapDaysApi();
    readable.MapGoalsApi();
    readable.MapReportApi();
    app.MapWhoopImportApi();
    app.MapReportSendApi();
    app.MapWhoopWebhook();
    app.MapWhoopLogin();
    app.MapAccessPages();
    app.MapDashboard();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line)
{
    // One line naming the setting and the cause, no stack trace: the fix is in the configuration, not the code.
    Console.Error.WriteLine(line);
    return 1;
}
