using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;
using ProjectTracker.Web.Days.Components;

namespace ProjectTracker.Web.Days;

/// <summary>
/// Day tags and habits: <c>/api/tags</c>, <c>/api/days/{date}</c> with its tags (own tags added and removed by the
/// owner), and <c>/api/insights/tags</c>, what each tag does to the day itself and to the next.
/// </summary>
public static class DaysEndpoints
{
    public static WebApplicationBuilder AddDays(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DayTagService>();
        builder.Services.AddSingleton<TagEffectsReader>();
        builder.Services.AddSingleton<AutomaticTagReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDaysApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Days and habits");
        api.MapGet("/tags", ListTags).WithName("ListTags").WithSummary("Tags")
            .WithDescription("Every tag with its yes and no days. Journal questions (`source: journal`, imported from the WHOOP export) with the days answered yes and no; own tags (`source: own`) and automatic ones (`source: auto`, such as `late-night coding`) with the days they are on.");
        api.MapGet("/days/{date}", GetDay).WithName("GetDay").WithSummary("Day")
            .WithDescription("One day: recovery, HRV, resting heart rate, sleep, strain, commits, coding hours and its tags. `date` is a local day (YYYY-MM-DD). Unknown values are null. Tags: name, source (`journal`, `own`, or `auto` for the app's own tags such as `late-night coding`: a commit from 22:00 to 04:00, on the evening the night began; not stored, not removable), answer (yes or no), note (text).");
        api.MapPost("/days/{date}/tags", AddTag).RequireOwner().WithName("AddDayTag").WithSummary("Add a tag to a day")
            .WithDescription($"Body `{{\"name\": \"deploy day\"}}`: trimmed, 1–{DayTagService.MaxOwnNameLength} characters, matched case-insensitively (adding a name the day has is a no-op). Owner only.");
        api.MapDelete("/days/{date}/tags/{name}", RemoveTag).RequireOwner().WithName("RemoveDayTag").WithSummary("Remove a tag from a day")
            .WithDescription("Removes the day's own tag of that name (any case): 204, or 404 when the day has none. Owner only.");
        api.MapGet("/insights/tags", GetTagEffects).WithRange(RangeDefaults.Lists with { Days = 365 }).WithName("GetTagEffects")
            .WithSummary("Habits")
            .WithDescription(
                "What each tag does to recovery, HRV, resting heart rate, sleep, strain and coding, that day and the next: one row per tag × measure × lag (0: the tag's day; 1: the day after). Journal questions compare days answered yes with days answered no; "
                + $"own tags and automatic ones (`source: auto`, e.g. `{AutomaticTags.LateNightCoding}`: a commit from 22:00 to 04:00 local time, on the evening the night began; not set against commits and coding hours, from which it is made), days with the tag with days without. `difference` = mean_with − mean_without with a 95% interval from Welch's t and its two-sided p; "
                + $"`q` is Benjamini–Hochberg over every row of the answer. Fewer than {TagEffects.MinimumDays} days in a group: null numbers and a sentence saying so. Default 365 days.");
        return routes;
    }

    private static async Task<Ok<List<TagJson>>> ListTags(DayTagService tags, AutomaticTagReader automatic, CancellationToken ct) =>
        TypedResults.Ok((await automatic.ListAsync(ct)).Concat(await tags.ListAsync(ct)).Select(t => new TagJson(t.Name, t.Source, t.YesDays, t.NoDays)).ToList());

    private static async Task<Results<Ok<DayJson>, ValidationProblem>> GetDay(
        string date, DayTagService tags, InsightsReadService insights, CancellationToken ct)
    {
        if (DayLinks.Parse(date) is not { } day)
        {
            return BadDate(date);
        }

        var range = new DateRange(day, day);
        var (_, days, hasGitHub) = await insights.ReadInputsAsync(range, ct);
        var measures = days.Single();
        var dayTags = AutomaticTags.With(await tags.InRangeAsync(range, ct), [measures], hasGitHub);
        return TypedResults.Ok(new DayJson(
            day, measures.Recovery, measures.Hrv, measures.RestingHeartRate, Round(measures.SleepHours), measures.Strain,
            hasGitHub ? measures.Commits : null, hasGitHub ? Round(measures.CodingHours) : null,
            dayTags.Select(t => new DayTagJson(t.Name, t.Source, t.Answer ? "yes" : "no", t.Note)).ToList()));
    }

    private static async Task<Results<Ok<DayTagJson>, ValidationProblem>> AddTag(string date, TagNameJson? body, DayTagService tags, CancellationToken ct)
    {
        if (DayLinks.Parse(date) is not { } day)
        {
            return BadDate(date);
        }

        try
        {
            var tag = await tags.AddOwnAsync(day, body?.Name ?? "", ct);
            return TypedResults.Ok(new DayTagJson(tag.Name, tag.Source, "yes", null));
        }
        catch (ArgumentException e)
        {
            return Problems.BadParameter("name", e.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemoveTag(string date, string name, DayTagService tags, CancellationToken ct)
    {
        if (DayLinks.Parse(date) is not { } day)
        {
            return BadDate(date);
        }

        return await tags.RemoveOwnAsync(day, name, ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("No such tag", $"{day:yyyy-MM-dd} has no own tag '{name}'.");
    }

    private static async Task<Ok<List<TagEffectJson>>> GetTagEffects(RangeQuery range, TagEffectsReader effects, CancellationToken ct) =>
        TypedResults.Ok((await effects.ReadAsync(range.Value, ct)).Select(TagEffectJson.From).ToList());

    private static ValidationProblem BadDate(string date) => Problems.BadParameter("date", $"'{date}' is not a day such as 2026-03-14 (from {DayLinks.First:yyyy-MM-dd} to {DayLinks.Last:yyyy-MM-dd}).");

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
