using System.Buffers;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ProjectTracker.Web.Api;

/// <summary>
/// A 200 answer with a JSON array of items already serialized (<see cref="SerializedItems{TSource,TJson}"/>): the same
/// bytes as <c>TypedResults.Ok(array)</c>, written without serializing anything, with its length known up front.
/// Described in the OpenAPI document as an array of <typeparamref name="TJson"/>.
/// </summary>
public sealed class JsonArrayResult<TJson>(IReadOnlyList<byte[]> items) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>The items' JSON, in order.</summary>
    public IReadOnlyList<byte[]> Items => items;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        // '[' and ']' plus a comma between items.
        response.ContentLength = 2 + Math.Max(0, items.Count - 1) + items.Sum(item => (long)item.Length);
        var body = response.BodyWriter;
        body.Write("["u8);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(items[i]);
            // Sent in pieces: a year of records is not buffered whole a second time.
            if (body.UnflushedBytes > 64 * 1024)
            {
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }

        body.Write("]"u8);
        await body.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TJson[]), ["application/json"]));
}
