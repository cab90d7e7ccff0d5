using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProjectTracker.Domain.Time;

namespace ProjectTracker.Web.Api;

/// <summary>Documents <c>days</c>, <c>start_date</c> and <c>end_date</c> on every endpoint that takes a range.</summary>
internal sealed class RangeParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var defaults = context.Description.ActionDescriptor.EndpointMetadata.OfType<RangeDefaults>().FirstOrDefault();
        if (defaults is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(Query(DateRangeParser.DaysParameter, JsonSchemaType.Integer, null,
            $"Number of local days ending today, 1 to {DateRange.MaxDays} (default {defaults.Days})."));
        operation.Parameters.Add(Query(DateRangeParser.StartDateParameter, JsonSchemaType.String, "date",
            "First day, YYYY-MM-DD (with end_date, wins over days)."));
        operation.Parameters.Add(Query(DateRangeParser.EndDateParameter, JsonSchemaType.String, "date",
            "Last day, YYYY-MM-DD, inclusive."));
        return Task.CompletedTask;
    }

    private static OpenApiParameter Query(string name, JsonSchemaType type, string? format, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = type, Format = format },
    };
}
