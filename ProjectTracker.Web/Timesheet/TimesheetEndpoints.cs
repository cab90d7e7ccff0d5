using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Timesheet;

public static class TimesheetEndpoints
{
    public const string GroupParameter = "group";
    public const string ProjectParameter = "project";
    public const string StreakParameter = "streak";
    public const string RestParameter = "rest";
    public static readonly RangeDefaults TimesheetDefaults = new(30, RangeToday.Owner);
    public static readonly RangeDefaults ActivityDefaults = new(365, RangeToday.Owner);

    public static IEndpointRouteBuilder MapTimesheetApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/github").WithTags("GitHub");
        api.MapGet("/timesheet", GetTimesheet).WithRange(TimesheetDefaults)
            .WithName("GetTimesheet")
            .WithSummary("Timesheet")
            .WithDescription("Coding hours, commits and sessions per project and day, week or month (default 30 days). `group`: day, week (default; starts on Owner:FirstDayOfWeek, Monday unless set) or month. Hours are wall-clock hours: the git-hours sessions of `time_spent` over all projects' commits together, each project owning the time before its commits, each hour on the local day it lies in; sessions on the local day they started; commits on the local day each was made.");
        api.MapGet("/activity", GetActivity).WithRange(ActivityDefaults)
            .WithName("GetActivity")
            .WithSummary("Coding activity")
            .WithDescription("Every local day with its commits and coding hours, and the commit streaks (default 365 days). Optional `project` (a project name, any case) for one project. `current_streak` and `longest_streak` count consecutive days with a commit; the current one counts while today or yesterday has one. `streak` gives the current and longest streak, with their first and last active days, under the rule asked for: `streak=daily` (default; every day), `weekdays` (Saturdays and Sundays neither extend nor break it) or `weekly` (weeks from Owner:FirstDayOfWeek with at least one active day; `length` in weeks); `rest=red` makes days whose WHOOP recovery is red (below 34%) or that are tagged \"rest\" neither extend nor break it. Today, or this week, not active yet does not break the current streak.");
        api.MapGet("/punchcard", GetPunchcard).WithRange(TimesheetDefaults)
            .WithName("GetPunchcard")
            .WithSummary("Coding by hour of the week")
            .WithDescription("Commits and coding hours by local weekday (0 Monday to 6 Sunday) and hour (0–23): always all 168 cells, Monday 00:00 first (default 30 days, the timesheet's range rules). Local hours follow the offset WHOOP recorded (`utc_offsets`: those that placed the range's commits), else Owner:TimeZone (`time_zone`, UTC when unset). A session counts from GitHub:SessionStartMinutes before its first commit to its last commit, split across the clock hours it covers; each cell's hours are rounded to 0.01 so that they add up to `total_hours`, the timesheet's total for the same range.");
        return routes;
    }

    /// <summary>The <c>streak</c> and <c>rest</c> parameters; a bad value is a 400 naming its parameter.</summary>
    public static StreakChoice ParseStreak(IQueryCollection query)
    {
        var rule = query.Single(StreakParameter) switch
        {
            null => StreakRule.Daily,
            var name when StreakChoice.RulesByName.TryGetValue(name, out var known) => known,
            var name => throw new InvalidQueryParameterException(StreakParameter, $"streak must be daily, weekdays or weekly; got '{Clip(name)}'."),
        };
        var rest = query.Single(RestParameter) switch
        {
            null => false,
            var name when string.Equals(name, StreakChoice.RestName, StringComparison.OrdinalIgnoreCase) => true,
            var name => throw new InvalidQueryParameterException(RestParameter, $"rest must be red (or left out); got '{Clip(name)}'."),
        };
        return new StreakChoice(rule, rest);
    }

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;

    public static TimesheetGroup ParseGroup(string? value) =>
        value is null ? TimesheetGroup.Week
        : TimesheetGroups.ByName.TryGetValue(value, out var group) ? group
        : throw new InvalidQueryParameterException(GroupParameter, $"group must be day, week or month; got '{Clip(value)}'.");

    public static async Task<Domain.GitHub.Timesheet.Timesheet> ReadTimesheetAsync(HttpRequest request, RangeQuery range, CodingDaysReader reader, CancellationToken ct)
    {
        var group = ParseGroup(request.Query.Single(GroupParameter));
        return Domain.GitHub.Timesheet.Timesheet.Build(await reader.ReadAsync(range.Value, cancellationToken: ct), group, reader.Owner.Calendar);
    }

    private static async Task<Ok<TimesheetJson>> GetTimesheet(HttpRequest request, RangeQuery range, CodingDaysReader reader, CancellationToken ct) =>
        TypedResults.Ok(TimesheetJson.From(await ReadTimesheetAsync(request, range, reader, ct)));

    private static async Task<Results<Ok<ActivityJson>, ProblemHttpResult>> GetActivity(
        HttpRequest request, RangeQuery range, CodingDaysReader reader, GitHubReadService github, RestDays rest, CancellationToken ct)
    {
        var choice = ParseStreak(request.Query);
        int? projectId = null;
        if (request.Query.Single(ProjectParameter) is { } name)
        {
            if (await github.FindProjectAsync(name, ct) is not { } project)
            {
                return Problems.NotFound("Project not found", $"No project named '{name}' is stored. GET /api/github/projects lists them.");
            }

            projectId = project.Id;
        }

        var calendar = ActivityCalendar.Build(await reader.ReadAsync(range.Value, projectId, ct), await reader.Owner.TodayAsync(ct));
        var restDays = choice.Rest ? await rest.ReadAsync(RestRange(calendar), ct) : null;
        return TypedResults.Ok(ActivityJson.From(calendar, calendar.StreaksUnder(choice, reader.Owner.Calendar.FirstDayOfWeek, restDays)));
    }

    /// <summary>The days a calendar's streaks look at: its own, and those up to today.</summary>
    public static DateRange RestRange(ActivityCalendar calendar) =>
        new(calendar.Days[0].Date, calendar.Today is { } today && today > calendar.Days[^1].Date ? today : calendar.Days[^1].Date);

    public static string TimeZoneName(OwnerCalendarOptions calendar) => calendar.TimeZone?.Id ?? "UTC";

    private static async Task<Ok<PunchcardJson>> GetPunchcard(RangeQuery range, CodingDaysReader reader, CancellationToken ct) =>
        TypedResults.Ok(PunchcardJson.From(await reader.ReadPunchcardAsync(range.Value, ct), TimeZoneName(reader.Owner.Calendar)));
}
