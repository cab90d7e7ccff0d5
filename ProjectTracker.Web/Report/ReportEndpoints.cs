using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectTracker.Domain.Report;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Report;

/// <summary><c>GET /api/report/week/{week}</c> and the owner's <c>POST /api/report/send</c>.</summary>
public static class ReportEndpoints
{
    public const string WeekParameter = "week";

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/report").WithTags("Report")
            .MapGet("/week/{week}", GetWeek)
            .ProducesValidationProblem()
            .WithName("GetWeeklyReport")
            .WithSummary("Weekly report")
            .WithDescription(
                "One ISO week (`week` such as 2026-W49, Monday to Sunday): wall-clock coding hours (decision 0015) and commits, by project (the projects' hours add up to `coding_hours`, give or take 0.01 of rounding), "
                + "active days (days with a commit), the goals over the week, the average recovery, sleep hours and HRV against the previous week and the 8 weeks before (`baseline`), "
                + "the habit effects that hold (q ≤ 0.1 over those 9 weeks; each habit's strongest, at most 3, lowest q first), the best day (the highest recovery; a tie or a week without recovery goes to the most coding hours) and each day. The page is /report/{week}.");
        return routes;
    }

    /// <summary>The send action: a write for the owner only, outside the GET group (no HEAD).</summary>
    public static IEndpointRouteBuilder MapReportSendApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/report").WithTags("Report")
            .MapPost("/send", Send).RequireOwner().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SendWeeklyReport")
            .WithSummary("E-mail a weekly report now")
            .WithDescription("Queues the e-mail of last week's report (or `week`, such as 2026-W49) to Report:To and answers 202; retried when the mail server refuses. Owner only. 409 when the e-mail settings are not set.");
        return routes;
    }

    public static ReportWeek ParseWeek(string? text) => ReportWeek.Parse(text) ?? throw new InvalidQueryParameterException(
        WeekParameter, $"week must be an ISO week such as 2026-W49 (a year from 1970, W, and a week 01–53 the year has); got '{Shorten(text ?? "")}'.");

    /// <summary>Queues a send on the job storage (so a refusal is retried); the job sends even a week already sent.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, ReportWeek week) =>
        jobs.Enqueue<WeeklyReportJob>(job => job.SendWeekAsync(week.ToString()));

    private static async Task<Ok<WeeklyReportJson>> GetWeek(string week, WeeklyReportReader reader, CancellationToken ct) =>
        TypedResults.Ok(WeeklyReportJson.From(await reader.ReadAsync(ParseWeek(week), ct)));

    private static async Task<Results<Accepted<ReportSendJson>, ProblemHttpResult>> Send(
        HttpRequest request, ReportSender sender, WeeklyReportReader reader, ReportOptions recipients, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var week = request.Query.Single(WeekParameter) is { } text ? ParseWeek(text) : await reader.LastWeekAsync(ct);
        if (!sender.IsConfigured)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Report e-mail not configured", ReportSender.HowToConfigure);
        }

        Enqueue(jobs, week);
        return TypedResults.Accepted(ReportText.Href(week),
            new ReportSendJson($"The report of {week} is queued for {recipients.To.Length} recipient(s).", week.ToString(), recipients.To.Length));
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
