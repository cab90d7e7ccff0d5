using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.GitHub.Timesheet;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Timesheet;

public static class TimesheetEndpoints
{
    public const string GroupParameter = "group";
    public const string ProjectParameter = "project";
    public static readonly RangeDefaults TimesheetDefaults = new(30);
    public static readonly RangeDefaults ActivityDefaults = new(365);

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
            .WithDescription("Every local day with its commits and coding hours, and the commit streaks (default 365 days). Optional `project` (a project name, any case) for one project. A streak is consecutive days with a commit; the current one counts while today or yesterday has one.");
        return routes;
    }

    public static TimesheetGroup ParseGroup(string? value) =>
        value is null ? TimesheetGroup.Week
        : TimesheetGroups.ByName.TryGetValue(value, out var group) ? group
        : throw new InvalidQueryParameterException(GroupParameter, $"group must be day, week or month; got '{(value.Length > 40 ? value[..40] + "…" : value)}'.");

    public static async Task<Domain.GitHub.Timesheet.Timesheet> ReadTimesheetAsync(HttpRequest request, OwnerRange range, CodingDaysReader reader, CancellationToken ct)
    {
        var group = ParseGroup(request.Query.Single(GroupParameter));
        return Domain.GitHub.Timesheet.Timesheet.Build(await reader.ReadAsync(range.Value, cancellationToken: ct), group, reader.Owner.Calendar);
    }

    private static async Task<Ok<TimesheetJson>> GetTimesheet(HttpRequest request, OwnerRange range, CodingDaysReader reader, CancellationToken ct) =>
        TypedResults.Ok(TimesheetJson.From(await ReadTimesheetAsync(request, range, reader, ct)));

    private static async Task<Results<Ok<ActivityJson>, ProblemHttpResult>> GetActivity(
        HttpRequest request, OwnerRange range, CodingDaysReader reader, GitHubReadService github, CancellationToken ct)
    {
        int? projectId = null;
        if (request.Query.Single(ProjectParameter) is { } name)
        {
            if (await github.FindProjectAsync(name, ct) is not { } project)
            {
                return Problems.NotFound("Project not found", $"No project named '{name}' is stored. GET /api/github/projects lists them.");
            }

            projectId = project.Id;
        }

        var days = await reader.ReadAsync(range.Value, projectId, ct);
        return TypedResults.Ok(ActivityJson.From(ActivityCalendar.Build(days, await reader.Owner.TodayAsync(ct))));
    }
}
