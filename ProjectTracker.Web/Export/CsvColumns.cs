using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;

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

    public string[] Headers => _columns.Select(c => c.Header).ToArray();

    /// <summary>
    /// Writes a row's cells: text as text (which the writer guards against formulas), JSON numbers as numbers, so a
    /// negative figure stays a number in a spreadsheet.
    /// </summary>
    public void Write(CsvWriter csv, T row)
    {
        foreach (var (_, get, type) in _columns)
        {
            WriteCell(csv, get(row!), type);
        }
    }

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

    private void WriteCell(CsvWriter csv, object? value, Type type)
    {
        if (value is null)
        {
            csv.WriteField((string?)null);
            return;
        }

        var json = JsonSerializer.SerializeToElement(value, type, _options);
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                csv.WriteField(json.GetString());
                break;
            case JsonValueKind.Null:
                csv.WriteField((string?)null);
                break;
            case JsonValueKind.Number:
                WriteNumber(csv, json.GetRawText());
                break;
            default:
                csv.WriteField(json.GetRawText());
                break;
        }
    }

    // The JSON text of the number, written through the writer's number path: an integer as a long, a decimal fraction as
    // a decimal (which keeps its digits as written), an exponent as the double it is (both print the shortest round trip).
    private static void WriteNumber(CsvWriter csv, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            csv.WriteField(integer, default);
        }
        else if (!text.AsSpan().ContainsAny('e', 'E') && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var fraction))
        {
            csv.WriteField(fraction, default);
        }
        else
        {
            csv.WriteField(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), default);
        }
    }
}
