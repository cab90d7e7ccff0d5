using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Days;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Import;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// <c>POST /api/whoop/import</c> with exports written from the WHOOP simulator's own records (so an import and an API
/// sync of one account meet): every record on its day, the journal as yes/no tags, never a duplicate whichever comes
/// first, and bad or oversized files refused with nothing written.
/// </summary>
public abstract class WhoopImportTests : ConnectedWhoopApp
{
    private const string Alcohol = "Have any alcoholic drinks?";

    [Fact]
    public async Task Import_Export_StoresEveryRecordOnItsDay_TheJournalAsTags_AndAgainAddsNothing()
    {
        var (zip, journal) = Export(days: 60);

        var first = await ImportAsync(zip, HttpStatusCode.OK);
        var again = await ImportAsync(zip, HttpStatusCode.OK);

        Assert.Equal(Whoop.State.Cycles.Count, (int?)first["imported"]!["cycles"]);
        Assert.Equal(Whoop.State.Recoveries.Values.Count(r => r.Score is not null && Whoop.State.Cycles.ContainsKey(r.CycleId)), (int?)first["imported"]!["recovery"]);
        Assert.Equal(Whoop.State.Sleeps.Count, (int?)first["imported"]!["sleep"]);
        Assert.Equal(Whoop.State.Workouts.Count, (int?)first["imported"]!["workouts"]);
        Assert.Equal(journal.Count, (int?)first["imported"]!["journal_answers"]);
        Assert.Equal(0, (int?)first["skipped_duplicates"]);
        Assert.All(new[] { "cycles", "recovery", "sleep", "workouts", "journal_answers" }, kind => Assert.Equal(0, (int?)again["imported"]![kind]));
        Assert.Equal(SumOf(first["imported"]!), (int?)again["skipped_duplicates"]);

        // Each record where a sync would put it: the night on the local day of waking up, with its stages.
        var night = Whoop.State.Sleeps.Values.Where(s => !s.Nap && s.Score is not null).MaxBy(s => s.End)!;
        var offset = WhoopDays.ParseOffset(night.TimezoneOffset)!.Value;
        var stored = (await Client.GetJsonAsync("/api/whoop/sleep?days=3650")).AsArray()
            .Single(s => (string?)s!["date"] == WhoopDays.SleepDay(night.End.UtcDateTime, offset).ToString("yyyy-MM-dd") && !(bool)s!["is_nap"]!)!;
        var stages = night.Score!.StageSummary;
        Assert.Equal((stages.TotalLightSleepTimeMilli + stages.TotalSlowWaveSleepTimeMilli + stages.TotalRemSleepTimeMilli) / 3_600_000.0,
            (double)stored["total_sleep_hours"]!, precision: 2);
        var workout = Whoop.State.Workouts.Values.Where(w => w.Score is not null).MaxBy(w => w.Start)!;
        var storedWorkout = (await Client.GetJsonAsync("/api/whoop/workouts?days=3650")).AsArray().First(w => (string?)w!["sport_name"] == workout.SportName)!;
        Assert.Equal(workout.Score!.Kilojoule / 4.184, (double)storedWorkout["calories"]!, precision: 0);

        // Both answers of the journal kept, on the cycles' days.
        var tags = await TagsAsync();
        Assert.Equal(journal.Count, tags.Count);
        Assert.Equal(journal.Count(a => a.Yes), tags.Count(t => t.Answer));
        Assert.All(tags, t => Assert.Equal(DayTag.JournalSource, t.Source));
    }

    [Fact]
    public async Task ImportThenSync_LeavesOneRecordEach_WithWhoopsIds_AndKeepsTheJournal()
    {
        var (zip, journal) = Export(days: 40);
        await ImportAsync(zip, HttpStatusCode.OK);

        await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=60", null), HttpStatusCode.OK);

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(Whoop.State.Cycles.Keys.Select(Id).Order(), (await db.WhoopCycles.Select(c => c.CycleId!).ToListAsync()).Order());
        Assert.Equal(Whoop.State.Sleeps.Keys.Order(), (await db.WhoopSleeps.Select(s => s.SleepId!).ToListAsync()).Order());
        Assert.Equal(Whoop.State.Workouts.Keys.Order(), (await db.WhoopWorkouts.Select(w => w.WorkoutId!).ToListAsync()).Order());
        var recoveries = await db.WhoopRecoveries.Select(r => r.CycleId!).ToListAsync();
        Assert.Equal(recoveries.Count, recoveries.Distinct().Count());
        Assert.DoesNotContain(recoveries, WhoopImportIds.IsImported);
        Assert.Equal(journal.Count, await db.DayTags.CountAsync());
    }

    [Fact]
    public async Task SyncThenImport_SkipsEveryRecord_AddsOnlyTheJournal()
    {
        var (zip, journal) = Export(days: 40);
        await ReadAsync(await Client.PostAsync("/api/whoop/refresh?days=60", null), HttpStatusCode.OK);

        var answer = await ImportAsync(zip, HttpStatusCode.OK);

        Assert.All(new[] { "cycles", "recovery", "sleep", "workouts" }, kind => Assert.Equal(0, (int?)answer["imported"]![kind]));
        Assert.Equal(journal.Count, (int?)answer["imported"]!["journal_answers"]);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.False(await db.WhoopCycles.AnyAsync(c => c.CycleId!.StartsWith(WhoopImportIds.Prefix)));
        Assert.False(await db.WhoopSleeps.AnyAsync(s => s.SleepId!.StartsWith(WhoopImportIds.Prefix)));
        Assert.False(await db.WhoopWorkouts.AnyAsync(w => w.WorkoutId!.StartsWith(WhoopImportIds.Prefix)));
        Assert.Equal(Whoop.State.Cycles.Count, await db.WhoopCycles.CountAsync());
    }

    [Fact]
    public async Task Import_Journal_GivesTagsDaysAndTheNextDaysEffect_AsComputedByHand()
    {
        var (zip, journal) = Export(days: 60);
        await ImportAsync(zip, HttpStatusCode.OK);

        var tags = (await Client.GetJsonAsync("/api/tags")).AsArray();
        var effects = (await Client.GetJsonAsync("/api/insights/tags?days=90")).AsArray();
        var recoveries = (await Client.GetJsonAsync("/api/whoop/recovery?days=90")).AsArray()
            .Where(r => r!["recovery_score"] is not null)
            .ToDictionary(r => DateOnly.Parse((string)r!["date"]!), r => (double)r!["recovery_score"]!);

        var alcohol = tags.Single(t => (string?)t!["name"] == Alcohol)!;
        Assert.Equal("journal", (string?)alcohol["source"]);
        Assert.Equal(journal.Count(a => a.Question == Alcohol && a.Yes), (int?)alcohol["yes_days"]);
        Assert.Equal(journal.Count(a => a.Question == Alcohol && !a.Yes), (int?)alcohol["no_days"]);

        // By hand: each answered day's next-day recovery, yes against no.
        var answers = await AnswersByDayAsync(Alcohol);
        double NextDay(DateOnly day) => recoveries[day.AddDays(1)];
        var yes = answers.Where(a => a.Value && recoveries.ContainsKey(a.Key.AddDays(1))).Select(a => NextDay(a.Key)).ToList();
        var no = answers.Where(a => !a.Value && recoveries.ContainsKey(a.Key.AddDays(1))).Select(a => NextDay(a.Key)).ToList();
        var row = effects.Single(e => (string?)e!["tag"] == Alcohol && (string?)e!["measure"] == "recovery" && (int?)e!["lag"] == 1)!;
        Assert.Equal(yes.Count, (int?)row["n_with"]);
        Assert.Equal(no.Count, (int?)row["n_without"]);
        Assert.Equal(yes.Average() - no.Average(), (double)row["difference"]!, precision: 2);
        Assert.True((double)row["ci_low"]! < (double)row["difference"]! && (double)row["difference"]! < (double)row["ci_high"]!);
        Assert.InRange((double)row["q"]!, (double)row["p"]!, 1.0);
        Assert.StartsWith($"After days you answered yes to '{Alcohol}', recovery was", (string?)row["sentence"]);

        // A day: its measures and both journal answers, the note as text.
        var noted = journal.First(a => a.Note is not null);
        var cycle = Whoop.State.Cycles.Values.Single(c => c.Start == noted.CycleStart);
        var cycleDay = WhoopDays.CycleDay(cycle.Start.UtcDateTime, WhoopDays.ParseOffset(cycle.TimezoneOffset)!.Value);
        var day = await Client.GetJsonAsync($"/api/days/{cycleDay:yyyy-MM-dd}");
        Assert.Equal(2, day["tags"]!.AsArray().Count);
        Assert.Contains(day["tags"]!.AsArray(), t => (string?)t!["note"] == noted.Note && (string?)t!["answer"] == (noted.Yes ? "yes" : "no"));
    }

    private async Task<Dictionary<DateOnly, bool>> AnswersByDayAsync(string question)
    {
        var tags = await TagsAsync();
        return tags.Where(t => t.Name == question).ToDictionary(t => DateOnly.FromDateTime(t.Date), t => t.Answer);
    }

    public static TheoryData<string, string, string?, int?, string?> BadExports => new()
    {
        // case, what the problem names: file, line, column
        { "not a zip", "not a zip", null, null, null },
        { "no sleeps.csv", "sleeps.csv", "sleeps.csv", null, null },
        { "no start column", "Cycle start time", "physiological_cycles.csv", 1, "Cycle start time" },
        { "bad number", "not a number", "physiological_cycles.csv", 3, "Day Strain" },
        { "bad time", "not a time", "workouts.csv", 2, "Workout start time" },
        { "bad zone", "not a time zone", "sleeps.csv", 2, "Cycle timezone" },
        { "path outside", "outside the export", "../evil.csv", null, null },
    };

    [Theory]
    [MemberData(nameof(BadExports))]
    public async Task Import_BadExport_Is400NamingWhere_AndWritesNothing(string bad, string says, string? file, int? line, string? column)
    {
        var (zip, _) = Export(days: 10);

        var problem = await (await PostAsync(Break(zip, bad))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(says, (string?)problem["detail"]);
        Assert.Equal(file, (string?)problem["file"]);
        Assert.Equal(line, (int?)problem["line"]);
        Assert.Equal(column, (string?)problem["column"]);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.WhoopCycles.CountAsync() + await db.WhoopSleeps.CountAsync() + await db.WhoopWorkouts.CountAsync() + await db.DayTags.CountAsync());
    }

    [Fact]
    public async Task Import_NoFileField_Is400NamingTheField()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        var problem = await (await Client.PostAsync(WhoopImportPath, form)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("file", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task Import_ZipBomb_Is413Quickly_WithNothingWritten()
    {
        var started = TimeProvider.System.GetTimestamp();

        var problem = await (await PostAsync(Bomb())).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("256 MB", (string?)problem["detail"]);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Import_UploadOver64Mb_Is413()
    {
        using var form = new MultipartFormDataContent { { new StreamContent(new ZeroStream(WhoopExportLimits.MaxUploadBytes + 1024)), "file", "export.zip" } };

        var response = await Client.PostAsync(WhoopImportPath, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private const string WhoopImportPath = "/api/whoop/import";

    private (byte[] Zip, List<ExportJournalAnswer> Journal) Export(int days)
    {
        Whoop.State.Cycles.Clear();
        Whoop.State.Sleeps.Clear();
        Whoop.State.Recoveries.Clear();
        Whoop.State.Workouts.Clear();
        PopulateWhoop(days);
        var journal = Whoop.State.Cycles.Values.OrderBy(c => c.Start)
            .SelectMany((c, i) => new[] { new ExportJournalAnswer(c.Start, Alcohol, i % 3 == 0, i % 5 == 0 ? "<b>wine</b>, =1+1" : null), new ExportJournalAnswer(c.Start, "Read (non-screened device) while in bed?", i % 2 == 0) })
            .ToList();
        return (WhoopExportWriter.Write(Whoop.State, journal), journal);
    }

    private async Task<JsonNode> ImportAsync(byte[] zip, HttpStatusCode expected) => await ReadAsync(await PostAsync(zip), expected);

    private async Task<HttpResponseMessage> PostAsync(byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent { { content, "file", "my_whoop_data.zip" } };
        return await Client.PostAsync(WhoopImportPath, form);
    }

    private async Task<List<DayTag>> TagsAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        return await db.DayTags.ToListAsync();
    }

    private static int SumOf(JsonNode counts) => counts.AsObject().Sum(kind => (int)kind.Value!);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The export with one thing wrong, as the theory names it.
    private static byte[] Break(byte[] zip, string bad)
    {
        if (bad == "not a zip")
        {
            return Encoding.UTF8.GetBytes("Cycle start time,Cycle timezone\n");
        }

        using var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            switch (bad)
            {
                case "no sleeps.csv":
                    archive.GetEntry("sleeps.csv")!.Delete();
                    break;
                case "no start column":
                    Rewrite(archive, "physiological_cycles.csv", text => text.Replace("Cycle start time", "Cycle begin", StringComparison.Ordinal));
                    break;
                case "bad number":
                    Rewrite(archive, "physiological_cycles.csv", text => ReplaceCell(text, line: 3, "Day Strain", "lots"));
                    break;
                case "bad time":
                    Rewrite(archive, "workouts.csv", text => ReplaceCell(text, line: 2, "Workout start time", "yesterday"));
                    break;
                case "bad zone":
                    Rewrite(archive, "sleeps.csv", text => ReplaceCell(text, line: 2, "Cycle timezone", "Mars/Olympus"));
                    break;
                case "path outside":
                    using (var writer = new StreamWriter(archive.CreateEntry("../evil.csv").Open()))
                    {
                        writer.Write("x");
                    }

                    break;
            }
        }

        return copy.ToArray();
    }

    private static void Rewrite(ZipArchive archive, string name, Func<string, string> change)
    {
        var entry = archive.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(change(text));
    }

    // Line numbers count the header as line 1; the generated rows hold no line breaks or commas inside cells.
    private static string ReplaceCell(string csv, int line, string column, string value)
    {
        var lines = csv.Split("\r\n");
        var index = Array.IndexOf(lines[0].Split(','), column);
        var cells = lines[line - 1].Split(',');
        cells[index] = value;
        lines[line - 1] = string.Join(',', cells);
        return string.Join("\r\n", lines);
    }

    // Valid header, then rows of the same bytes until well past the inflation limit: a few hundred KB zipped.
    private static byte[] Bomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("physiological_cycles.csv", CompressionLevel.SmallestSize).Open();
            var row = Encoding.ASCII.GetBytes(new string('9', 1000) + "\r\n");
            stream.Write(Encoding.ASCII.GetBytes("Cycle start time,Cycle timezone,Filler\r\n"));
            for (long written = 0; written < WhoopExportLimits.MaxInflatedBytes + (1 << 20); written += row.Length)
            {
                stream.Write(row);
            }
        }

        return zip.ToArray();
    }

    /// <summary>A body of zeros of the given length, never held in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class SqliteWhoopImportTests : WhoopImportTests;

public sealed class PostgresWhoopImportTests : WhoopImportTests
{
    protected override ITestDatabase CreateDatabase() => PostgresTestDatabase.Migrated();
}
