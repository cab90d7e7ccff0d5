using System.Text;

namespace ProjectTracker.Web.Export;

/// <summary>RFC 4180 text: fields separated by commas, records by CRLF, a field quoted when it holds a comma, quote or line break.</summary>
public static class CsvWriter
{
    public static async Task WriteRecordAsync(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync(Escape(field));
            first = false;
        }

        await writer.WriteAsync("\r\n");
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>UTF-8 without a byte-order mark (the header row starts the file).</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
