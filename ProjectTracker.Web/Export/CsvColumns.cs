using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ProjectTracker.Web.Export;

/// <summary>
/// The CSV columns of a JSON answer's row type, so an export always mirrors the JSON it stands beside: one column per
/// JSON property under its JSON name, nested objects flattened as <c>parent.child</c>, and each cell the value as the
/// JSON answer writes it (numbers and dates in the same format; arrays as their JSON text).
/// </summary>
public sealed class CsvColumns<T>
{
    private readonly List<(string Header, Func<object, object?> Get, Type Type)> _columns = [];
    private readonly JsonSerializerOptions _options;

    public CsvColumns(JsonSerializerOptions options)
    {
        _options = options;
        Add(options.GetTypeInfo(typeof(T)), "", row => row);
    }

    public IEnumerable<string> Headers => _columns.Select(c => c.Header);

    public IEnumerable<string> Cells(T row) => _columns.Select(c => Cell(c.Get(row!), c.Type));

    private void Add(JsonTypeInfo type, string prefix, Func<object, object?> get)
    {
        foreach (var property in type.Properties.Where(p => p.Get is not null))
        {
            var header = prefix + property.Name;
            Func<object, object?> value = row => get(row) is { } parent ? property.Get!(parent) : null;
            var propertyType = _options.GetTypeInfo(property.PropertyType);
            if (propertyType.Kind == JsonTypeInfoKind.Object)
            {
                Add(propertyType, header + ".", value);
            }
            else
            {
                _columns.Add((header, value, property.PropertyType));
            }
        }
    }

    private string Cell(object? value, Type type)
    {
        if (value is null)
        {
            return "";
        }

        var json = JsonSerializer.SerializeToElement(value, type, _options);
        return json.ValueKind switch
        {
            JsonValueKind.String => json.GetString()!,
            JsonValueKind.Null => "",
            _ => json.GetRawText(),
        };
    }
}
