using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Export;
using ProjectTracker.Web.Tests.Timesheet;

namespace ProjectTracker.Web.Tests.Security;

/// <summary>Every export's cells as a spreadsheet would take them: formulas written as text, numbers still numbers.</summary>
public sealed class CsvInjectionTests
{
    private sealed record Row(string Name, double Change, long Count, string? Note);

    [Fact]
    public async Task Export_EveryFormula_IsQuotedTextStartingWithAQuote()
    {
        var rows = HostileData.Formulas.Select(formula => new Row(formula, 1, 1, formula)).ToList();

        var (raw, records) = await ExportAsync(rows);

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal("'" + rows[i].Name, records[i + 1][0]);
            Assert.Equal("'" + rows[i].Note, records[i + 1][3]);
            Assert.Contains(Quoted("'" + rows[i].Name), raw);
        }
    }

    [Fact]
    public async Task Export_NegativeAndFractionalNumbers_StayNumbers()
    {
        var (raw, records) = await ExportAsync([new Row("drop", -3.5, -12, null), new Row("rise", 0.25, 7, "-"), new Row("tiny", -1e-7, 0, "")]);

        Assert.Equal(["name", "change", "count", "note"], records[0]);
        Assert.Equal(["drop", "-3.5", "-12", ""], records[1]);
        Assert.Equal(["rise", "0.25", "7", "'-"], records[2]); // a lone "-" is text, and could start a formula
        Assert.Equal("-1E-07", records[3][1]);
        Assert.StartsWith("name,change,count,note\r\ndrop,-3.5,-12,\r\n", raw);
    }

    [Fact]
    public async Task Export_TextThatOnlyLooksOdd_IsUntouched()
    {
        var (_, records) = await ExportAsync([new Row("a=b, \"c\"\r\nd", 0, 0, "x-y @z")]);

        Assert.Equal(["a=b, \"c\"\r\nd", "0", "0", "x-y @z"], records[1]);
    }

    private static string Quoted(string cell) => "\"" + cell.Replace("\"", "\"\"") + "\"";

    private static async Task<(string Raw, List<string[]> Records)> ExportAsync(IEnumerable<Row> rows)
    {
        var services = new ServiceCollection().AddOptions();
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider(), Response = { Body = new MemoryStream() } };

        await CsvResult.Of("rows.csv", rows).ExecuteAsync(http);

        var raw = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        return (raw, CsvReader.Parse(raw));
    }
}
