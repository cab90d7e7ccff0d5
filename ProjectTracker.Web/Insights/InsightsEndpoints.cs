using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Insights;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Insights;

public static class InsightsEndpoints
{
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
        return routes;
    }

    private static async Task<Ok<InsightsJson>> GetInsights(WhoopRange range, InsightsReadService insights, CancellationToken ct) =>
        TypedResults.Ok(InsightsJson.From(await insights.GetAsync(range.Value, ct)));
}
