using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Api;

/// <summary>
/// The JSON of records held by a shared read model, serialized once per record with the API's options and kept as long
/// as the record is: a list answer is then the records' bytes joined (<see cref="JsonArrayResult{TJson}"/>), which is
/// exactly what serializing the array would write. Records are never modified once read, so their JSON never goes stale;
/// a new snapshot brings new records.
/// </summary>
public sealed class SerializedItems<TSource, TJson>(Func<TSource, TJson> toJson, IOptions<JsonOptions> options)
    where TSource : class
{
    private readonly ConditionalWeakTable<TSource, byte[]> _json = [];
    private readonly JsonSerializerOptions _options = options.Value.SerializerOptions;
    private readonly Lock _fill = new();

    public byte[] Of(TSource item)
    {
        if (_json.TryGetValue(item, out var json))
        {
            return json;
        }

        // One serializer per record: requests arriving together with a new snapshot would otherwise all serialize it.
        lock (_fill)
        {
            return _json.GetValue(item, source => JsonSerializer.SerializeToUtf8Bytes(toJson(source), _options));
        }
    }

    /// <summary>The 200 answer listing <paramref name="items"/> in order.</summary>
    public JsonArrayResult<TJson> Array(IEnumerable<TSource> items) => new([.. items.Select(Of)]);
}
