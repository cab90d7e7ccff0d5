using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProjectTracker.Domain.Goals;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Goals;

/// <summary>The owner's goals: <c>/api/goals</c> (read; replaced by the owner) and <c>/api/goals/progress</c>, week by week.</summary>
public static class GoalsEndpoints
{
    public const string WeeksParameter = "weeks";
    public const int DefaultWeeks = 8;
    private const string BodyField = "body";

    // The app's snake_case JSON, strict: a misspelt goal or a number sent as text is a 400 naming it, not a goal dropped.
    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static WebApplicationBuilder AddGoals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GoalService>();
        builder.Services.AddSingleton<GoalProgress>();
        return builder;
    }

    public static IEndpointRouteBuilder MapGoalsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/goals").WithTags("Goals");
        api.MapGet("", GetGoals).WithName("GetGoals").WithSummary("Goals")
            .WithDescription("The owner's goals: `weekly_coding_hours` (wall-clock coding hours a week), `daily_sleep_hours` (average hours asleep a night over the week) and `weekly_active_days` (days with a commit a week); null where none is set.");
        api.MapPut("", PutGoals).RequireOwner().Accepts<GoalsJson>("application/json").WithName("PutGoals").WithSummary("Set goals")
            .WithDescription("Replaces the goals with the body's: each of `weekly_coding_hours` (0–168), `daily_sleep_hours` (0–24) and `weekly_active_days` (a whole number 0–7) is optional, and a goal missing or null is removed. A value out of range, of the wrong type or an unknown member is a 400 naming it. Answers the goals now stored. Owner only.");
        api.MapGet("/progress", GetProgress).AddOpenApiOperationTransformer(DocumentWeeks).WithName("GetGoalProgress").WithSummary("Goal progress")
            .WithDescription($"The last `weeks` weeks ({DefaultWeeks} unless given, 1–{GoalProgress.MaxWeeks}), newest first, the current week included (`partial: true`: the days so far). Weeks start on Owner:FirstDayOfWeek (Monday unless set). `goals` holds each goal that is set with its `target`, the week's `actual` and whether it was `met` (actual ≥ target): coding hours as the timesheet's week total, active days with at least one commit, sleep as the week's average hours asleep per scored night (null without one, then not met).");
        return routes;
    }

    private static async Task<Ok<GoalsJson>> GetGoals(GoalService goals, CancellationToken ct) =>
        TypedResults.Ok(GoalsJson.From(await goals.GetAsync(ct)));

    private static async Task<Results<Ok<GoalsJson>, ValidationProblem>> PutGoals(HttpRequest request, GoalService goals, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.BadParameter(BodyField, "Send the goals as JSON (Content-Type: application/json).");
        }

        GoalsJson? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<GoalsJson>(request.Body, StrictJson, ct);
        }
        catch (JsonException e)
        {
            // Malformed JSON comes from the reader (the inner exception); a value that does not fit, from the member.
            var field = e.InnerException is JsonException ? BodyField : FieldOf(e.Path);
            return Problems.BadParameter(field, GoalKinds.FromName(field) is { } kind
                ? GoalTargets.RangeMessage(kind)
                : field == BodyField ? "The body is not a JSON object of goals." : $"'{field}' is not a goal: send weekly_coding_hours, daily_sleep_hours and weekly_active_days.");
        }

        if (body is null)
        {
            return Problems.BadParameter(BodyField, "Send a JSON object of goals, e.g. {\"weekly_coding_hours\": 20}.");
        }

        try
        {
            return TypedResults.Ok(GoalsJson.From(await goals.SetAsync(body.ToTargets(), ct)));
        }
        catch (ArgumentException e)
        {
            return Problems.BadParameter(e.ParamName ?? BodyField, GoalKinds.FromName(e.ParamName ?? "") is { } kind ? GoalTargets.RangeMessage(kind) : e.Message);
        }
    }

    private static async Task<Ok<List<WeekGoalsJson>>> GetProgress(HttpRequest request, GoalProgress progress, CancellationToken ct)
    {
        var weeks = ParseWeeks(request.Query.Single(WeeksParameter));
        return TypedResults.Ok((await progress.LastWeeksAsync(weeks, ct)).Select(WeekGoalsJson.From).ToList());
    }

    public static int ParseWeeks(string? value) =>
        value is null ? DefaultWeeks
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks is >= 1 and <= GoalProgress.MaxWeeks ? weeks
        : throw new InvalidQueryParameterException(WeeksParameter, $"weeks must be a whole number from 1 to {GoalProgress.MaxWeeks}; got '{(value.Length > 40 ? value[..40] + "…" : value)}'.");

    /// <summary>Lists <c>weeks</c>, read from the query by <see cref="ParseWeeks"/> (strictly: given once, a whole number).</summary>
    private static Task DocumentWeeks(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = WeeksParameter,
            In = ParameterLocation.Query,
            Required = false,
            Description = $"Number of weeks up to the current one, 1 to {GoalProgress.MaxWeeks} (default {DefaultWeeks}).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = GoalProgress.MaxWeeks.ToString(CultureInfo.InvariantCulture) },
        });
        return Task.CompletedTask;
    }

    /// <summary>The member a JSON error is about ("$.weekly_coding_hours" → weekly_coding_hours), else "body".</summary>
    private static string FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : BodyField;
}
