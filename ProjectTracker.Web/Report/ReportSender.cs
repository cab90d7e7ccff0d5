using System.Text;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Report;
using ProjectTracker.Web.Access;

namespace ProjectTracker.Web.Report;

/// <summary>
/// Sends a week's report through the configured server (MailKit) and records the week as sent in the shared state
/// table, which every instance reads: the Monday job skips a week already sent. A server that refuses (connection,
/// authentication, a rejected sender or recipient) throws, and Hangfire tries the job again (<see cref="WeeklyReportJob"/>).
/// </summary>
public sealed class ReportSender(
    WeeklyReportReader reader, SmtpOptions smtp, ReportOptions recipients, SharedStateStore state, AccessOptions access, ILogger<ReportSender> logger)
{
    /// <summary>Long enough that a retried or repeated Monday run still finds the week sent.</summary>
    private static readonly TimeSpan SentRecordLifetime = TimeSpan.FromDays(60);

    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => smtp.IsConfigured && recipients.To.Length > 0;

    /// <summary>What to set for the e-mail, as the problem of <c>POST /api/report/send</c> and the page say it.</summary>
    public const string HowToConfigure =
        "The weekly report is not e-mailed: set Report:Smtp:Host, Report:Smtp:From and Report:To (and Report:Smtp:Port, Report:Smtp:Username, Report:Smtp:Password as your server needs; environment variables Report__Smtp__Host and so on), then restart.";

    public async Task<bool> WasSentAsync(ReportWeek week, CancellationToken ct) => await state.GetAsync(SentKey(week), ct) is not null;

    public async Task SendAsync(ReportWeek week, CancellationToken ct)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(HowToConfigure);
        }

        var report = await reader.ReadAsync(week, ct);
        var page = access.PublicBaseUrl is { } site ? new Uri(site, ReportText.Href(week)) : null;
        using var message = ReportMail.Compose(report, smtp, recipients, page);
        using var client = new SmtpClient { Timeout = (int)ServerTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (smtp.Username is not null)
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        await state.SetAsync(SentKey(week), Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("O")), SentRecordLifetime, ct);
        // Only the week and how many: addresses and the server's credentials stay out of the log.
        logger.LogInformation("Sent the weekly report of {Week} to {Recipients} recipient(s)", week.ToString(), recipients.To.Length);
    }

    private static string SentKey(ReportWeek week) => $"report-sent:{week}";
}

/// <summary>
/// The Hangfire jobs of the report e-mail. The Monday run is a recurring job, so the job storage enqueues it once per
/// occurrence however many instances share it; it also skips a week already recorded as sent (a run after a restart, or
/// a retry after a send whose record failed) and runs one at a time (<see cref="DisableConcurrentExecutionAttribute"/>).
/// A refusal is retried with growing waits.
/// </summary>
public sealed class WeeklyReportJob(ReportSender sender, WeeklyReportReader reader)
{
    public const string RecurringJobId = "weekly-report";

    /// <summary>Mondays at 08:00 (in the owner's zone, <see cref="ReportExtensions.StartReport"/>).</summary>
    public const string Schedule = "0 8 * * 1";

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 3600])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SendLastWeekAsync()
    {
        var week = await reader.LastWeekAsync();
        if (sender.IsConfigured && !await sender.WasSentAsync(week, CancellationToken.None))
        {
            await sender.SendAsync(week, CancellationToken.None);
        }
    }

    /// <summary>The owner's "send now": sends even a week already sent.</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 3600])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task SendWeekAsync(string week) =>
        sender.SendAsync(ReportWeek.Parse(week) ?? throw new ArgumentException($"'{week}' is not an ISO week.", nameof(week)), CancellationToken.None);
}
