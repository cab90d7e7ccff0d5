using System.Reflection;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;

namespace ProjectTracker.Web.Api;

/// <summary>
/// The range of an endpoint that takes <c>days</c> / <c>start_date</c> / <c>end_date</c>: bound from the query string,
/// with the default number of days from the endpoint's <see cref="RangeDefaults"/>. Bad values throw
/// <see cref="InvalidQueryParameterException"/>, which becomes a 400 problem naming the parameter.
/// </summary>
public sealed record WhoopRange(DateRange Value) : IBindableFromHttpContext<WhoopRange>
{
    public static async ValueTask<WhoopRange?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var defaults = context.GetEndpoint()?.Metadata.GetMetadata<RangeDefaults>() ?? RangeDefaults.Lists;
        var today = await context.RequestServices.GetRequiredService<WhoopReadService>().GetTodayAsync(context.RequestAborted);
        return new WhoopRange(DateRangeParser.Parse(context.Request.Query.All, defaults.Days, today));
    }
}

/// <summary>Endpoint metadata: the endpoint takes the range parameters, defaulting to <see cref="Days"/> days.</summary>
public sealed record RangeDefaults(int Days)
{
    public static readonly RangeDefaults Lists = new(7);
    public static readonly RangeDefaults Metrics = new(30);
}

public static class RangeEndpointExtensions
{
    public static RouteHandlerBuilder WithRange(this RouteHandlerBuilder builder, RangeDefaults defaults) =>
        builder.WithMetadata(defaults);
}
