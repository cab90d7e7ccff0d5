using ProjectTracker.Web.Days.Components;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The pages every browser check visits, by a short name used in test and screenshot names.</summary>
public static class DemoPages
{
    public static TheoryData<string> All => ["overview", "github", "github-project", "whoop", "insights", "timesheet", "day", "setup", "report", "not-found"];

    public static string PathOf(string page, DemoBrowserApp app) => page switch
    {
        "overview" => "/",
        "github" => "/github",
        "github-project" => "/github/" + Uri.EscapeDataString(app.Projects[0]),
        "whoop" => "/whoop",
        "insights" => "/insights",
        "timesheet" => "/timesheet",
        "day" => DayLinks.Href(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)),
        "setup" => "/setup",
        "report" => "/report/" + ReportWeek,
        "not-found" => "/no-such-page",
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, "not a known page"),
    };

    /// <summary>Last week, whose report the demo fills (its data runs up to today).</summary>
    public static string ReportWeek => Domain.Report.ReportWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Previous.ToString();

    public static int StatusOf(string page) => page == "not-found" ? 404 : 200;
}
