using System.Net;
using System.Text.Json.Nodes;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary>The seeded database plus commits and a project whose text needs quoting and UTF-8.</summary>
public abstract class ExportApp(Func<ITestDatabase> createDatabase) : AppFixture(createDatabase, filled: true)
{
    public const string AwkwardDescription = "Says \"hi\", then\r\nmore; ünïcode ✓";

    private readonly SemaphoreSlim _seeded = new(1, 1);
    private bool _done;

    public async Task EnsureSeededAsync()
    {
        await _seeded.WaitAsync();
        try
        {
            if (!_done)
            {
                await App.SeedAsync(async db =>
                {
                    var alpha = db.Projects.Single(p => p.Name == "alpha");
                    var quoted = new Project { Name = "ünï, \"quoted\"", Description = AwkwardDescription, HtmlUrl = "https://github.com/owner/x" };
                    db.Projects.Add(quoted);
                    await db.SaveChangesAsync();
                    DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);
                    db.ProjectCommits.AddRange(
                        new ProjectCommit { ProjectId = alpha.Id, Sha = "a1", AuthoredAt = At(10, 14), CommittedAt = At(10, 14) },
                        new ProjectCommit { ProjectId = alpha.Id, Sha = "a2", AuthoredAt = At(10, 15), CommittedAt = At(10, 15) },
                        new ProjectCommit { ProjectId = quoted.Id, Sha = "q1", AuthoredAt = At(12, 16), CommittedAt = At(12, 16) });
                });
                _done = true;
            }
        }
        finally
        {
            _seeded.Release();
        }
    }
}

public sealed class SqliteExportApp() : ExportApp(() => new SqliteTestDatabase());

public sealed class PostgresExportApp() : ExportApp(() => new PostgresTestDatabase());

/// <summary>Every CSV export read back (RFC 4180) equals the JSON it mirrors, cell for cell.</summary>
public abstract class ExportApiTests(ExportApp fixture) : IAsyncLifetime
{
    private const string Range = "start_date=2026-03-01&end_date=2026-03-15";

    private HttpClient Client => fixture.Client;

    public Task InitializeAsync() => fixture.EnsureSeededAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("projects", "/api/github/projects", "projects-2026-03-15.csv")]
    [InlineData("recovery", "/api/whoop/recovery?" + Range, "recovery-2026-03-01-to-2026-03-15.csv")]
    [InlineData("sleep", "/api/whoop/sleep?" + Range, "sleep-2026-03-01-to-2026-03-15.csv")]
    [InlineData("workouts", "/api/whoop/workouts?" + Range, "workouts-2026-03-01-to-2026-03-15.csv")]
    [InlineData("cycles", "/api/whoop/cycles?" + Range, "cycles-2026-03-01-to-2026-03-15.csv")]
    [InlineData("timesheet", "/api/github/timesheet?group=day&" + Range, "timesheet-day-2026-03-01-to-2026-03-15.csv")]
    [InlineData("punchcard", "/api/github/punchcard?" + Range, "punchcard-2026-03-01-to-2026-03-15.csv")]
    public async Task Export_ReadBack_EqualsTheJsonItMirrors(string dataset, string jsonUrl, string fileName)
    {
        var json = await Client.GetJsonAsync(jsonUrl);
        var rows = (json is JsonObject sheet ? sheet["rows"] ?? sheet["cells"]! : json).AsArray();
        var query = jsonUrl.Contains('?') ? jsonUrl[jsonUrl.IndexOf('?')..] : "";

        var (records, response) = await ReadCsvAsync($"/api/export/{dataset}.csv{query}");

        Assert.Equal($"attachment; filename=\"{fileName}\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count + 1, records.Count);
        var expected = rows.Select(r => Flatten(r!)).ToList();
        Assert.Equal(expected[0].Keys, records[0]);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Values, records[i + 1]);
        }
    }

    [Fact]
    public async Task Projects_TextWithQuotesCommasLineBreaksAndUnicode_RoundTrips()
    {
        var (records, _) = await ReadCsvAsync("/api/export/projects.csv");

        var description = Array.IndexOf(records[0], "description");
        var name = Array.IndexOf(records[0], "name");
        var row = records.Single(r => r[name] == "ünï, \"quoted\"");
        Assert.Equal(ExportApp.AwkwardDescription, row[description]);
    }

    [Fact]
    public async Task Commits_PerProjectPerLocalDay_MatchTheDailyTimesheet()
    {
        // 14:00 and 15:00 UTC on the 10th are 09:00 and 10:00 at the athlete's UTC−5: one session of 60 + 120 minutes.
        var (records, response) = await ReadCsvAsync("/api/export/commits.csv?" + Range);

        Assert.Equal("attachment; filename=\"commits-2026-03-01-to-2026-03-15.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(
            [
                ["project", "full_name", "date", "commits", "sessions", "hours"],
                ["alpha", "owner/alpha", "2026-03-10", "2", "1", "3"],
                ["ünï, \"quoted\"", "owner/x", "2026-03-12", "1", "1", "2"],
            ],
            records);
    }

    [Theory]
    [InlineData("/api/export/recovery.csv?days=0", "days")]
    [InlineData("/api/export/commits.csv?start_date=yesterday", "start_date")]
    [InlineData("/api/export/timesheet.csv?group=fortnight", "group")]
    [InlineData("/api/export/punchcard.csv?days=0", "days")]
    public async Task Export_BadParameter_Is400NamingIt(string url, string parameter)
    {
        var problem = await (await Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Theory]
    [InlineData("/api/export/heartbeats.csv")]
    [InlineData("/api/export/projects.json")]
    public async Task Export_UnknownDataset_Is404NamingTheExports(string url)
    {
        var problem = await (await Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("/api/export/projects.csv", (string?)problem["detail"]);
    }

    private async Task<(List<string[]> Records, HttpResponseMessage Response)> ReadCsvAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return (CsvReader.Parse(body), response);
    }

    /// <summary>A JSON row as its CSV columns: nested objects as <c>parent.child</c>, strings bare, anything else as JSON text.</summary>
    private static Dictionary<string, string> Flatten(JsonNode row, string prefix = "")
    {
        var cells = new Dictionary<string, string>();
        foreach (var (key, value) in row.AsObject())
        {
            if (value is JsonObject nested)
            {
                foreach (var (k, v) in Flatten(nested, $"{prefix}{key}."))
                {
                    cells[k] = v;
                }
            }
            else
            {
                cells[prefix + key] = value switch
                {
                    null => "",
                    // Text a spreadsheet would take for a formula (a negative time-zone offset too) is written as text.
                    JsonValue v when v.TryGetValue<string>(out var text) => text is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] ? "'" + text : text,
                    _ => value.ToJsonString(),
                };
            }
        }

        return cells;
    }
}

public sealed class SqliteExportApiTests(SqliteExportApp fixture) : ExportApiTests(fixture), IClassFixture<SqliteExportApp>;

public sealed class PostgresExportApiTests(PostgresExportApp fixture) : ExportApiTests(fixture), IClassFixture<PostgresExportApp>;
