using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.GitHub;
using ProjectTracker.Web.Timesheet;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Export;

/// <summary>
/// <c>GET /api/export/{dataset}.csv</c>: each dataset as CSV with the columns of the JSON it mirrors, the same parameters
/// and the same access rules (the app's fallback policy covers every endpoint alike).
/// </summary>
public static class ExportEndpoints
{
    public static readonly string[] Datasets = ["projects", "commits", "timesheet", "punchcard", "recovery", "sleep", "workouts", "cycles", "tags", "load"];

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/export").WithTags("Export");
        Csv(api.MapGet("/projects.csv", Projects), "ExportProjects", "Projects", "Every project, as GET /api/github/projects");
        Csv(api.MapGet("/commits.csv", Commits).WithRange(TimesheetEndpoints.ActivityDefaults), "ExportCommits", "Commits",
            "Commits, sessions and coding hours per project and local day (default 365 days)");
        Csv(api.MapGet("/timesheet.csv", TimesheetRows).WithRange(TimesheetEndpoints.TimesheetDefaults), "ExportTimesheet", "Timesheet",
            "The rows of GET /api/github/timesheet (same parameters, `group` included)");
        Csv(api.MapGet("/punchcard.csv", PunchcardCells).WithRange(TimesheetEndpoints.TimesheetDefaults), "ExportPunchcard", "Punchcard",
            "The 168 cells of GET /api/github/punchcard (same parameters), one row per weekday (0 Monday) and hour");
        Csv(api.MapGet("/recovery.csv", Recovery).WithRange(RangeDefaults.Lists), "ExportRecovery", "Recovery", "The rows of GET /api/whoop/recovery");
        Csv(api.MapGet("/sleep.csv", Sleep).WithRange(RangeDefaults.Lists), "ExportSleep", "Sleep", "The rows of GET /api/whoop/sleep");
        Csv(api.MapGet("/workouts.csv", Workouts).WithRange(RangeDefaults.Lists), "ExportWorkouts", "Workouts", "The rows of GET /api/whoop/workouts");
        Csv(api.MapGet("/cycles.csv", Cycles).WithRange(RangeDefaults.Lists), "ExportCycles", "Cycles", "The rows of GET /api/whoop/cycles");
        Csv(api.MapGet("/tags.csv", Tags).WithRange(new RangeDefaults(3650, RangeToday.Athlete)), "ExportTags", "Day tags",
            "Day tags, one row per day and tag: the WHOOP journal's answers, own tags and automatic ones (default 3650 days)");
        Csv(api.MapGet("/load.csv", Load).WithRange(Insights.InsightsEndpoints.LoadDefaults), "ExportCodingLoad", "Workload against recovery",
            "The rows of GET /api/insights/load (default 90 days)");
        api.MapGet("/{dataset}", UnknownDataset).WithName("ExportUnknown").WithSummary("Unknown dataset")
            .WithDescription("Any other name: 404 naming the datasets there are.");
        return routes;
    }

    private static void Csv(RouteHandlerBuilder endpoint, string name, string dataset, string rows) =>
        endpoint.WithName(name).WithSummary($"{dataset} as CSV").WithDescription(rows + ", as CSV (RFC 4180, UTF-8, header row).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

    /// <summary>The download's name: the dataset and its days, or today for a dataset without a range.</summary>
    public static string FileName(string dataset, DateRange range) => $"{dataset}-{range.Start:yyyy-MM-dd}-to-{range.End:yyyy-MM-dd}.csv";

    private static async Task<IResult> Projects(GitHubReadService github, OwnerDays owner, CancellationToken ct)
    {
        var today = await owner.TodayAsync(ct);
        var projects = await github.ListProjectsAsync(cancellationToken: ct);
        return CsvResult.Of($"projects-{today:yyyy-MM-dd}.csv", projects.Select(ProjectJson.From));
    }

    private static async Task<IResult> Commits(RangeQuery range, CodingDaysReader reader, CancellationToken ct)
    {
        var coding = await reader.ReadAsync(range.Value, cancellationToken: ct);
        var names = coding.Projects.ToDictionary(p => p.Id);
        var rows = coding.Days
            .Where(d => names.ContainsKey(d.ProjectId) && d.HasWork)
            .OrderBy(d => d.Date).ThenBy(d => names[d.ProjectId].Name, StringComparer.OrdinalIgnoreCase)
            .Select(d => new CommitDayJson(names[d.ProjectId].Name, names[d.ProjectId].FullName, d.Date, d.Commits, d.Sessions, TimesheetJson.Hours(d.Minutes)));
        return CsvResult.Of(FileName("commits", range.Value), rows);
    }

    private static async Task<IResult> TimesheetRows(HttpRequest request, RangeQuery range, CodingDaysReader reader, CancellationToken ct)
    {
        var sheet = await TimesheetEndpoints.ReadTimesheetAsync(request, range, reader, ct);
        return CsvResult.Of(FileName($"timesheet-{sheet.Group.Name()}", range.Value), TimesheetJson.From(sheet).Rows);
    }

    private static async Task<IResult> PunchcardCells(RangeQuery range, CodingDaysReader reader, CancellationToken ct) =>
        CsvResult.Of(FileName("punchcard", range.Value),
            PunchcardJson.From(await reader.ReadPunchcardAsync(range.Value, ct), TimesheetEndpoints.TimeZoneName(reader.Owner.Calendar)).Cells);

    private static IResult Recovery(RangeQuery range, WhoopReadService whoop, CancellationToken ct) =>
        CsvResult.Of(FileName("recovery", range.Value), whoop.StreamAsync(WhoopReadService.Recoveries, range.Value, ct).Select(RecoveryJson.From));

    private static IResult Sleep(RangeQuery range, WhoopReadService whoop, CancellationToken ct) =>
        CsvResult.Of(FileName("sleep", range.Value), whoop.StreamAsync(WhoopReadService.Sleeps, range.Value, ct).Select(SleepJson.From));

    private static IResult Workouts(RangeQuery range, WhoopReadService whoop, CancellationToken ct) =>
        CsvResult.Of(FileName("workouts", range.Value), whoop.StreamAsync(WhoopReadService.Workouts, range.Value, ct).Select(WorkoutJson.From));

    private static IResult Cycles(RangeQuery range, WhoopReadService whoop, CancellationToken ct) =>
        CsvResult.Of(FileName("cycles", range.Value), whoop.StreamAsync(WhoopReadService.Cycles, range.Value, ct).Select(CycleJson.From));

    private static async Task<IResult> Tags(RangeQuery range, Domain.Days.DayTagService tags, Domain.Insights.AutomaticTagReader automatic, CancellationToken ct)
    {
        var stored = await tags.InRangeAsync(range.Value, ct);
        var all = stored.Concat(await automatic.InRangeAsync(range.Value, ct))
            .OrderBy(t => t.Date).ThenBy(t => t.Source, StringComparer.Ordinal); // stable: the stored tags keep their order by name
        return CsvResult.Of(FileName("tags", range.Value), all
            .Select(t => new DayTagRowJson(DateOnly.FromDateTime(t.Date), t.Name, t.Source, t.Answer ? "yes" : "no", t.Note)));
    }

    private static async Task<IResult> Load(RangeQuery range, Domain.Insights.CodingLoadReader load, CancellationToken ct) =>
        CsvResult.Of(FileName("load", range.Value), (await load.ReadAsync(range.Value, ct)).Select(Insights.LoadDayJson.From));

    private static ProblemHttpResult UnknownDataset(string dataset) =>
        Problems.NotFound("Unknown export",
            $"There is no export '{dataset}'. Exports: {string.Join(", ", Datasets.Select(d => $"/api/export/{d}.csv"))}.");
}

/// <summary>One row of <c>tags.csv</c>: a tag on a day, with its answer and note.</summary>
public sealed record DayTagRowJson(DateOnly Date, string Name, string Source, string Answer, string? Note);

/// <summary>One row of <c>commits.csv</c>: a project's commits, sessions started and coding hours on one local day.</summary>
public sealed record CommitDayJson(string Project, string FullName, DateOnly Date, int Commits, int Sessions, double Hours);
