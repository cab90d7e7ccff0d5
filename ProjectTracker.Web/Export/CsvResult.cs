using CsvHelper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Export;

/// <summary>
/// A CSV download, written row by row as the rows arrive (the writer flushes whenever its buffer is mostly full), so an
/// export of years never sits in memory whole: <c>text/csv; charset=utf-8</c>, a header row, and
/// <c>Content-Disposition: attachment</c> with its name.
/// </summary>
public sealed class CsvResult<T>(string fileName, IAsyncEnumerable<T> rows) : IResult
{
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var columns = new CsvColumns<T>(json);
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var ct = httpContext.RequestAborted;

        await using var csv = CsvWriter.Create(response.Body, CsvResult.Options, leaveOpen: true);
        csv.WriteHeader(columns.Headers);
        await foreach (var row in rows.WithCancellation(ct))
        {
            columns.Write(csv, row);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}

public static class CsvResult
{
    /// <summary>
    /// RFC 4180 in UTF-8 without a byte-order mark (the header row starts the file), and every text cell a spreadsheet
    /// would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) prefixed
    /// with a single quote and quoted, so it shows as text: OWASP's rule against CSV injection. Numbers are not text, so
    /// <c>-3.5</c> stays a number.
    /// </summary>
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        WriteByteOrderMark = false,
    };

    public static CsvResult<T> Of<T>(string fileName, IAsyncEnumerable<T> rows) => new(fileName, rows);

    public static CsvResult<T> Of<T>(string fileName, IEnumerable<T> rows) => new(fileName, rows.ToAsyncEnumerable());
}
