using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Insights;

public static class InsightsEndpoints
{
    /// <summary>The default range of <c>/api/insights/load</c> and <c>load.csv</c>.</summary>
    public static readonly RangeDefaults LoadDefaults = new(90, RangeToday.Athlete);

    public static readonly RangeDefaults LateNightDefaults = new(LateNightSleep.DefaultNights, RangeToday.Athlete);

    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CodingLoadReader>();
        builder.Services.AddSingleton<LateNightReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/insights", GetInsights).WithRange(RangeDefaults.Metrics)
            .WithTags("Insights")
            .WithName("GetInsights")
            .WithSummary("Insights")
            .WithDescription(
                "Coding beside sleep, recovery, HRV and strain: correlations with 95% intervals and p-values, weekdays, the period before. " +
                "For each pair (sleep hours, recovery, HRV, day strain × commits, coding hours, late-night commits 22:00–04:00): Pearson's r over the days " +
                "with both, n, a 95% confidence interval (Fisher z) and a two-sided p-value (t-test), at lag 0 (same day) and lag 1 (the day's coding " +
                $"beside the next day's body measure). Below {CorrelationFinding.MinimumDays} days r is null and the sentence says so. Default 30 days.");
        routes.MapGet("/api/insights/load", GetLoad).WithRange(LoadDefaults)
            .WithTags("Insights")
            .WithName("GetCodingLoad")
            .WithSummary("Workload against recovery")
            .WithDescription(LoadDescription);
        routes.MapGet("/api/insights/late-nights", GetLateNights).WithRange(LateNightDefaults)
            .WithTags("Insights")
            .WithName("GetLateNights")
            .WithSummary("Late nights against sleep")
            .WithDescription(
                "Each night (named by the evening it began; a coding day runs from 04:00 to 04:00 local time, so a 01:00 commit is the evening before's) " +
                "with a commit: the last commit's time, that night's sleep onset (both in hours after the evening's midnight: 25.5 is 01:30), the hours slept " +
                "and the next morning's recovery; nights without any of those are left out. For each of the three, the least-squares line over " +
                $"`last_commit_hour` and its `n` nights. Default {LateNightSleep.DefaultNights} nights.");
        return routes;
    }

    /// <summary>What the load rows hold, for the JSON endpoint and its CSV.</summary>
    public const string LoadDescription =
        "Per local day: `coding_hours` (the wall-clock day totals of the timesheet), `strain` and `recovery` (WHOOP), their 7-day (acute) and 28-day " +
        "(chronic) rolling averages ending that day (`coding_hours_7d`, `coding_hours_28d`, `strain_7d`, `strain_28d`, `recovery_7d`, `recovery_28d`), " +
        "`coding_ratio` and `strain_ratio` = acute / chronic, and `flag` when the coding ratio is above 1.5 while `recovery_7d` is below `recovery_28d`. " +
        "The first days average over the 27 days before the range. An average is null until its whole window lies after the first commit (coding) or " +
        "the first WHOOP value (strain, recovery), so the ratios are null until 28 days of history exist; a ratio is also null when the chronic average is 0. " +
        "A day without commits counts as 0 coding hours; a day without WHOOP data is missing and left out of the strain and recovery averages. Default 90 days.";

    private static async Task<Ok<InsightsJson>> GetInsights(RangeQuery range, InsightsReadService insights, CancellationToken ct) =>
        TypedResults.Ok(InsightsJson.From(await insights.GetAsync(range.Value, ct)));

    private static async Task<Ok<List<LoadDayJson>>> GetLoad(RangeQuery range, CodingLoadReader load, CancellationToken ct) =>
        TypedResults.Ok((await load.ReadAsync(range.Value, ct)).Select(LoadDayJson.From).ToList());

    private static async Task<Ok<LateNightsJson>> GetLateNights(RangeQuery range, LateNightReader nights, CancellationToken ct) =>
        TypedResults.Ok(LateNightsJson.From(await nights.ReadAsync(range.Value, ct)));
}
