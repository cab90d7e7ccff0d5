using System.Globalization;
using CsvHelper;

namespace ProjectTracker.Domain.Whoop.Import;

/// <summary>
/// One CSV file of the export, read by CsvHelper as it streams, with its columns found by header name (WHOOP adds
/// columns over time and may reorder them). Each getter names the file, line and column of a value it cannot read;
/// an empty cell is unknown (null), never 0.
/// </summary>
internal sealed class ExportCsv : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        MaxRecordSize = WhoopExportLimits.MaxRecordBytes,
        IncludeValuesInExceptions = false,
    };

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private int _rows;

    public ExportCsv(Stream stream, string file, IEnumerable<string> required)
    {
        File = file;
        _reader = CsvReader.Create(stream, Options, leaveOpen: false);
        Guard(() => _reader.ReadHeader());
        foreach (var (name, index) in _reader.Headers.Select((name, index) => (name.Trim(), index)))
        {
            _columns.TryAdd(name, index);
        }

        if (required.FirstOrDefault(name => !_columns.ContainsKey(name)) is { } missing)
        {
            throw new WhoopImportException($"{file} has no column \"{missing}\"; is it a WHOOP export?", file, 1, missing);
        }
    }

    public string File { get; }

    public long Line => _reader.LineNumber;

    public bool Read()
    {
        if (!Guard(_reader.Read))
        {
            return false;
        }

        if (++_rows > WhoopExportLimits.MaxRowsPerFile)
        {
            throw new WhoopImportException($"{File} has more than {WhoopExportLimits.MaxRowsPerFile:N0} rows; a WHOOP export has far fewer.", File, tooLarge: true);
        }

        return true;
    }

    public string? Text(string column) =>
        _columns.TryGetValue(column, out var index) && _reader.GetStringOrNull(index) is { } text && text.Trim() is { Length: > 0 } trimmed
            ? trimmed
            : null;

    public string RequiredText(string column) => Text(column) ?? throw Fault(column, "is empty");

    public double? Number(string column) =>
        Text(column) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw Fault(column, "is not a number");

    public bool? Boolean(string column) => Text(column)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw Fault(column, "is neither true nor false"),
    };

    /// <summary>A local time of the row's zone (<paramref name="offset"/>), as WHOOP writes it: <c>2026-03-14 22:31:05</c>.</summary>
    public DateTimeOffset? Time(string column, TimeSpan offset) =>
        Text(column) is not { } text ? null
        : DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, offset)
        : throw Fault(column, $"is not a time such as 2026-03-14 22:31:05");

    public DateTimeOffset RequiredTime(string column, TimeSpan offset) => Time(column, offset) ?? throw Fault(column, "is empty");

    /// <summary>The row's zone, as WHOOP writes it (<c>UTC-05:00</c>), as an offset and as the API's <c>-05:00</c>.</summary>
    public (TimeSpan Offset, string Text) Zone(string column)
    {
        var text = RequiredText(column);
        var offset = text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (offset.Length == 0)
        {
            return (TimeSpan.Zero, "+00:00");
        }

        return WhoopDays.ParseOffset(offset) is { } parsed && Math.Abs(parsed.TotalHours) <= 14
            ? (parsed, (parsed < TimeSpan.Zero ? "-" : "+") + parsed.ToString(@"hh\:mm", CultureInfo.InvariantCulture))
            : throw Fault(column, "is not a time zone such as UTC-05:00");
    }

    public WhoopImportException Fault(string column, string problem) =>
        new($"{File}, line {Line}, column \"{column}\": the value {problem}.", File, Line, column);

    public void Dispose() => _reader.Dispose();

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw new WhoopImportException($"{File}, line {e.LineNumber}: not CSV as WHOOP writes it ({e.Message}).", File, e.LineNumber);
        }
    }

    private void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });
}
