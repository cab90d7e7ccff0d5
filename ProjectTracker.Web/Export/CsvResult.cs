using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Export;

/// <summary>
/// A CSV download, written row by row as the rows arrive (flushed every so often), so an export of years never sits in
/// memory whole: <c>text/csv; charset=utf-8</c>, a header row, and <c>Content-Disposition: attachment</c> with its name.
/// </summary>
public sealed class CsvResult<T>(string fileName, IAsyncEnumerable<T> rows) : IResult
{
    private const int RowsPerFlush = 500;

    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var columns = new CsvColumns<T>(json);
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var ct = httpContext.RequestAborted;

        await using var writer = new StreamWriter(response.Body, CsvWriter.Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await CsvWriter.WriteRecordAsync(writer, columns.Headers);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await CsvWriter.WriteRecordAsync(writer, columns.Cells(row));
            if (++count % RowsPerFlush == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }
}

public static class CsvResult
{
    public static CsvResult<T> Of<T>(string fileName, IAsyncEnumerable<T> rows) => new(fileName, rows);

    public static CsvResult<T> Of<T>(string fileName, IEnumerable<T> rows) => new(fileName, rows.ToAsyncEnumerable());
}
