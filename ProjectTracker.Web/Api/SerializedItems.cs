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
    private readonly ConditionalWeakTable<IReadOnlyList<TSource>, SerializedArray> _lists = [];
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

    /// <summary>The 200 answer listing <paramref name="items"/> (a list made for this answer) in order.</summary>
    public JsonArrayResult<TJson> Array(IEnumerable<TSource> items) => new(new SerializedArray([.. items.Select(Of)]));

    /// <summary>
    /// The 200 answer listing a list a snapshot keeps and hands out again (the same instance while its data holds, such
    /// as <see cref="Domain.GitHub.GitHubSnapshot.InOrder"/>): its items' JSON is gathered once and kept as long as the
    /// list is, so a repeated request only writes bytes.
    /// </summary>
    public JsonArrayResult<TJson> ArrayOfShared(IReadOnlyList<TSource> list)
    {
        if (!_lists.TryGetValue(list, out var serialized))
        {
            serialized = _lists.GetValue(list, items => new SerializedArray([.. items.Select(Of)]));
        }

        return new JsonArrayResult<TJson>(serialized);
    }
}
