using System.Reflection;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Timesheet;

/// <summary>
/// The range parameters of the WHOOP endpoints (<see cref="DateRangeParser"/>), read against the owner's today on their
/// local clock (<see cref="OwnerDays"/>): the range of the GitHub activity endpoints.
/// </summary>
public sealed record OwnerRange(DateRange Value) : IBindableFromHttpContext<OwnerRange>
{
    public static async ValueTask<OwnerRange?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var defaults = context.GetEndpoint()?.Metadata.GetMetadata<RangeDefaults>() ?? RangeDefaults.Lists;
        var today = await context.RequestServices.GetRequiredService<OwnerDays>().TodayAsync(context.RequestAborted);
        return new OwnerRange(DateRangeParser.Parse(context.Request.Query.All, defaults.Days, today));
    }
}
