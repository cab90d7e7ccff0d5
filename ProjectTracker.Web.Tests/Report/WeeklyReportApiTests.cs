using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Report;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Report;
using ProjectTracker.Web.Tests.Integration;
using static ProjectTracker.Web.Tests.Integration.JsonAssertions;

namespace ProjectTracker.Web.Tests.Report;

/// <summary>
/// The weekly report through the real app: its JSON against figures worked out by hand, its page, and the e-mail sent
/// through a real SMTP server on loopback (netDumbster, in this process) read back and compared with both.
/// The app's clock stands at Sunday 2026-03-15 (UTC, the seeded offsets), so "last week" is 2026-W10, 2–8 March.
/// </summary>
public sealed partial class WeeklyReportApiTests(ReportMailApp fixture) : IClassFixture<ReportMailApp>
{
    private const string Week = "2026-W10";
    private readonly SimpleSmtpServer _smtp = fixture.Smtp;
    private readonly TrackerAppFactory _app = fixture.App;

    [Fact]
    public async Task Week_Json_HasTheFiguresWorkedOutByHand()
    {
        var report = await _app.CreateClient().GetJsonAsync($"/api/report/week/{Week}");

        AssertHasFields(report, "week", "start_date", "end_date", "coding_hours", "commits", "active_days", "projects", "goals",
            "recovery", "sleep_hours", "hrv", "habit_effects", "best_day");
        Assert.Equal((Week, "2026-03-02", "2026-03-08"), ((string?)report["week"], (string?)report["start_date"], (string?)report["end_date"]));
        // Tuesday: alpha 19:00, 20:00 and beta 20:30 are one session from 17:00 (3.5 h wall-clock); Thursday: beta 10:00 (2 h).
        Assert.Equal(5.5, (double?)report["coding_hours"]);
        Assert.Equal(4, (int?)report["commits"]);
        Assert.Equal(2, (int?)report["active_days"]);
        var projects = report["projects"]!.AsArray();
        Assert.Equal(["alpha", "beta"], projects.Select(p => (string)p!["project"]!).Order().ToArray());
        Assert.Equal(5.5, projects.Sum(p => (double)p!["hours"]!), 2);
        Assert.Equal(4, projects.Sum(p => (int)p!["commits"]!));
        Assert.Equal("""{"weekly_coding_hours":{"target":5,"actual":5.5,"met":true},"daily_sleep_hours":{"target":7.5,"actual":7,"met":false}}""",
            report["goals"]!.ToJsonString());
        Assert.Equal("""{"average":65,"previous_week":40,"baseline":45}""", report["recovery"]!.ToJsonString());
        Assert.Equal("""{"average":7,"previous_week":6,"baseline":6}""", report["sleep_hours"]!.ToJsonString());
        Assert.Equal("""{"average":55,"previous_week":45,"baseline":45}""", report["hrv"]!.ToJsonString());
        Assert.Equal("2026-03-04", (string?)report["best_day"]!["date"]); // the highest recovery, 70
        Assert.Empty(report["habit_effects"]!.AsArray());
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2027-W53")] // 2027 has 52 ISO weeks
    [InlineData("2026-W00")]
    [InlineData("2026-10")]
    [InlineData("W10")]
    [InlineData("2026-W1")]
    public async Task Week_NotAnIsoWeek_Is400NamingWeek(string week)
    {
        var problem = await _app.CreateClient().GetJsonAsync($"/api/report/week/{week}", HttpStatusCode.BadRequest);

        AssertProblem(problem, 400);
        Assert.Equal("week", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task SendNow_ByTheOwner_Is202_AndTheMailCarriesThePagesFigures()
    {
        var received = Received();
        var accepted = await ReadAsync(await PostAsync($"/api/report/send?week={Week}", "127.0.0.1"), HttpStatusCode.Accepted);
        var message = await received.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(Week, (string?)accepted["week"]);
        Assert.Equal(2, (int?)accepted["recipients"]);
        Assert.Equal("Your week 2026-W10 (2 Mar – 8 Mar 2026): 5.5 h coding, 4 commits", message.Subject);
        Assert.Equal(["owner@example.com", "partner@example.com"], message.To.Mailboxes.Select(m => m.Address).ToArray());
        Assert.Equal("tracker@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal(["text/plain", "text/html"], message.BodyParts.Select(p => p.ContentType.MimeType).ToArray());

        var json = await _app.CreateClient().GetJsonAsync($"/api/report/week/{Week}");
        var page = Text(await _app.CreateClient().GetStringAsync($"/report/{Week}"));
        var html = Text(message.HtmlBody ?? "");
        foreach (var figure in Figures(json))
        {
            Assert.Contains(figure, message.TextBody);
            Assert.Contains(figure, html);
            Assert.Contains(figure, page);
        }
    }

    [Fact]
    public async Task SendNow_FromAnotherMachine_Is403()
    {
        _smtp.ClearReceivedEmail();
        var problem = await ReadAsync(await PostAsync("/api/report/send", "203.0.113.9"), HttpStatusCode.Forbidden);

        AssertProblem(problem, 403, "Owner only");
        Assert.Equal(0, _smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task MondayJob_SendsLastWeekOnce_AndARefusalThrowsForHangfireToRetry()
    {
        var job = _app.Services.GetRequiredService<WeeklyReportJob>();
        var sender = _app.Services.GetRequiredService<ReportSender>();
        _smtp.ClearReceivedEmail();

        await job.SendLastWeekAsync();
        await job.SendLastWeekAsync(); // a second instance's or a repeated run: the week is recorded as sent
        var sent = Assert.Single(_smtp.ReceivedEmail);
        Assert.Contains("2026-W10", Parse(sent.Data).Subject);
        Assert.True(await sender.WasSentAsync(new ReportWeek(2026, 10), CancellationToken.None));

        // A server that refuses the connection: the send throws, so Hangfire tries again, and the week is not recorded.
        var refused = RefusingSender();
        await Assert.ThrowsAnyAsync<Exception>(() => refused.SendAsync(new ReportWeek(2026, 9), CancellationToken.None));
        Assert.False(await sender.WasSentAsync(new ReportWeek(2026, 9), CancellationToken.None));
        var retry = typeof(WeeklyReportJob).GetMethod(nameof(WeeklyReportJob.SendWeekAsync))!.GetCustomAttributes(typeof(AutomaticRetryAttribute), false);
        Assert.True(Assert.IsType<AutomaticRetryAttribute>(Assert.Single(retry)).Attempts > 0);
    }

    [Fact]
    public async Task Unconfigured_SendIs409NamingTheSettings_AndThePageStillWorks()
    {
        await using var plain = new TrackerAppFactory(fixture.Database, new Dictionary<string, string?> { ["Access:TrustedProxies"] = "*" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/report/send");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, $"/report/{Week}");
        pageRequest.Headers.Add("X-Forwarded-For", "127.0.0.1"); // the owner, who is told what to set

        var problem = await ReadAsync(await plain.CreateClient().SendAsync(request), HttpStatusCode.Conflict);
        var page = await (await plain.CreateClient().SendAsync(pageRequest)).Content.ReadAsStringAsync();

        Assert.Contains("Report:Smtp:Host", (string?)problem["detail"]);
        Assert.Contains("Report:To", (string?)problem["detail"]);
        Assert.Contains("5.5 h", Text(page));
        Assert.Contains("report-send-unconfigured", page);
    }

    /// <summary>The figures of the JSON as the page and the e-mail write them (<see cref="ReportText"/>).</summary>
    private static IEnumerable<string> Figures(JsonNode json)
    {
        yield return $"{ReportText.Hours((double)json["coding_hours"]!)} coding";
        yield return ReportText.Count((int)json["commits"]!, "commit");
        yield return ReportText.Count((int)json["active_days"]!, "active day");
        foreach (var project in json["projects"]!.AsArray())
        {
            yield return (string)project!["project"]!;
            yield return ReportText.Hours((double)project["hours"]!);
        }

        foreach (var measure in new[] { ("recovery", " %"), ("sleep_hours", " h"), ("hrv", " ms") })
        {
            foreach (var field in new[] { "average", "previous_week", "baseline" })
            {
                yield return ReportText.Number((double?)json[measure.Item1]![field], measure.Item2);
            }
        }

        foreach (var goal in json["goals"]!.AsObject())
        {
            yield return ReportText.Goal(new ReportGoal(goal.Key, (double)goal.Value!["target"]!, (double?)goal.Value["actual"], (bool)goal.Value["met"]!));
        }

        yield return ReportText.Day(DateOnly.Parse((string)json["best_day"]!["date"]!, CultureInfo.InvariantCulture));
    }

    private Task<MimeMessage> Received()
    {
        var arrived = new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _smtp.MessageReceived += (_, e) => arrived.TrySetResult(Parse(e.Message.Data));
        return arrived.Task;
    }

    private ReportSender RefusingSender()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var services = _app.Services;
        return new ReportSender(
            services.GetRequiredService<WeeklyReportReader>(),
            new SmtpOptions { Host = "127.0.0.1", Port = port, From = "tracker@example.com" },
            services.GetRequiredService<ReportOptions>(),
            services.GetRequiredService<Domain.Persistence.SharedStateStore>(),
            services.GetRequiredService<ProjectTracker.Web.Access.AccessOptions>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReportSender>>());
    }

    /// <summary>
    /// The message as received. netDumbster keeps SMTP's dot-stuffing (a line that starts with "." arrives as ".."; RFC 5321
    /// 4.5.2 has the receiver remove it), which would turn a quoted-printable "7=\r\n.5" into "7..5": removed here.
    /// </summary>
    private static MimeMessage Parse(string data) =>
        MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal))));

    private async Task<HttpResponseMessage> PostAsync(string path, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Forwarded-For", client);
        return await _app.CreateClient().SendAsync(request);
    }

    private static string Text(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>The app with the report's e-mail pointed at an SMTP server on loopback in this process, over a seeded week.</summary>
public sealed class ReportMailApp : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    public SimpleSmtpServer Smtp { get; } = netDumbster.smtp.Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public TrackerAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TrackerAppFactory(Database, new Dictionary<string, string?>
        {
            ["Access:TrustedProxies"] = "*",
            ["Report:Smtp:Host"] = "127.0.0.1",
            ["Report:Smtp:Port"] = Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
            ["Report:Smtp:From"] = "Project Tracker <tracker@example.com>",
            ["Report:To"] = "owner@example.com, partner@example.com",
        });
        await App.SeedAsync(SeedWeekAsync);
    }

    public async Task DisposeAsync()
    {
        Smtp.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task SeedWeekAsync(Domain.Persistence.TrackerDbContext db)
    {
        var alpha = new Project { Name = "alpha" };
        var beta = new Project { Name = "beta" };
        db.Projects.AddRange(alpha, beta);
        await db.SaveChangesAsync();
        db.ProjectCommits.AddRange(
            Commit(alpha, "a1", Utc(3, 3, 19)), Commit(alpha, "a2", Utc(3, 3, 20)), Commit(beta, "b1", Utc(3, 3, 20, 30)),
            Commit(beta, "b2", Utc(3, 5, 10)),
            Commit(alpha, "a0", Utc(2, 25, 9))); // the week before: not this week's
        db.WhoopRecoveries.AddRange(
            Recovery("c1", Utc(3, 3), 60, 50), Recovery("c2", Utc(3, 4), 70, 60),
            Recovery("c0", Utc(2, 24), 40, 45), Recovery("cb", Utc(1, 20), 50, 45));
        db.WhoopSleeps.AddRange(Sleep("s1", Utc(3, 3), 7.5), Sleep("s2", Utc(3, 4), 6.5), Sleep("s0", Utc(2, 24), 6));
        db.Goals.AddRange(
            new Domain.Goals.Goal { Name = "weekly_coding_hours", Target = 5 }, new Domain.Goals.Goal { Name = "daily_sleep_hours", Target = 7.5 });
    }

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static ProjectCommit Commit(Project project, string sha, DateTime at) =>
        new() { ProjectId = project.Id, Sha = sha, AuthoredAt = at, CommittedAt = at };

    private static WhoopRecovery Recovery(string cycle, DateTime day, double score, double hrv) => new()
    {
        CycleId = cycle, Date = day, RecoveryScore = score, HrvRmssd = hrv, RestingHeartRate = 55, ScoreState = "SCORED", TimezoneOffset = "+00:00",
    };

    private static WhoopSleep Sleep(string id, DateTime day, double hours) => new()
    {
        SleepId = id, Date = day, StartTime = day.AddHours(-8), EndTime = day.AddHours(-8 + hours), TotalSleepHours = hours,
        ScoreState = "SCORED", TimezoneOffset = "+00:00",
    };

}
