using System.Reflection;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Api;

/// <summary>
/// The range of an endpoint that takes <c>days</c> / <c>start_date</c> / <c>end_date</c>: bound from the query string,
/// with the default number of days and whose today it ends on from the endpoint's <see cref="RangeDefaults"/>. Bad
/// values throw <see cref="InvalidQueryParameterException"/>, which becomes a 400 problem naming the parameter.
/// </summary>
public sealed record RangeQuery(DateRange Value) : IBindableFromHttpContext<RangeQuery>
{
    public static async ValueTask<RangeQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var defaults = context.GetEndpoint()?.Metadata.GetMetadata<RangeDefaults>() ?? RangeDefaults.Lists;
        var today = await TodayAsync(context.RequestServices, defaults.Today, context.RequestAborted);
        return new RangeQuery(DateRangeParser.Parse(context.Request.Query.All, defaults.Days, today));
    }

    private static Task<DateOnly> TodayAsync(IServiceProvider services, RangeToday today, CancellationToken ct) => today switch
    {
        RangeToday.Owner => services.GetRequiredService<OwnerDays>().TodayAsync(ct),
        _ => services.GetRequiredService<WhoopReadService>().GetTodayAsync(ct),
    };
}

/// <summary>Whose today "the last N days" ends on.</summary>
public enum RangeToday
{
    /// <summary>The athlete's, by the offset of their newest WHOOP sleep (<see cref="WhoopReadService.GetTodayAsync"/>).</summary>
    Athlete,

    /// <summary>The owner's, on their local clock (<see cref="OwnerDays"/>): the range of the GitHub activity endpoints.</summary>
    Owner,
}

/// <summary>Endpoint metadata: the endpoint takes the range parameters, defaulting to <see cref="Days"/> days up to <see cref="Today"/>.</summary>
public sealed record RangeDefaults(int Days, RangeToday Today)
{
    public static readonly RangeDefaults Lists = new(7, RangeToday.Athlete);
    public static readonly RangeDefaults Metrics = new(30, RangeToday.Athlete);
}

public static class RangeEndpointExtensions
{
    public static RouteHandlerBuilder WithRange(this RouteHandlerBuilder builder, RangeDefaults defaults) =>
        builder.WithMetadata(defaults);
}
