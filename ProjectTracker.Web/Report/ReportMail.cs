using System.Net;
using System.Text;
using MimeKit;
using ProjectTracker.Domain.Report;

namespace ProjectTracker.Web.Report;

/// <summary>The weekly report as an e-mail: an HTML part and a plain-text part with the same figures as the page.</summary>
public static class ReportMail
{
    public static MimeMessage Compose(WeeklyReport report, SmtpOptions smtp, ReportOptions recipients, Uri? pageUrl)
    {
        var message = new MimeMessage { Subject = ReportText.Subject(report) };
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.AddRange(recipients.To.Select(MailboxAddress.Parse));
        message.Body = new BodyBuilder { TextBody = Text(report, pageUrl), HtmlBody = Html(report, pageUrl) }.ToMessageBody();
        return message;
    }

    public static string Text(WeeklyReport report, Uri? pageUrl)
    {
        var text = new StringBuilder();
        text.AppendLine($"{ReportText.Title(report)} ({ReportText.Dates(report.Week)})").AppendLine();
        foreach (var line in Lines(report))
        {
            text.AppendLine(line.Heading is { } heading ? $"{Environment.NewLine}{heading}" : $"- {line.Text}");
        }

        if (pageUrl is not null)
        {
            text.AppendLine().AppendLine($"The report on its page: {pageUrl}");
        }

        return text.ToString();
    }

    public static string Html(WeeklyReport report, Uri? pageUrl)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif; color: #1a1a1a;\">");
        html.Append($"\n<h1>{Encode(ReportText.Title(report))}</h1>\n<p>{Encode(ReportText.Dates(report.Week))}</p>\n");
        var open = false;
        foreach (var line in Lines(report))
        {
            if (line.Heading is { } heading)
            {
                html.Append(open ? "</ul>\n" : "").Append($"<h2>{Encode(heading)}</h2>\n<ul>\n");
                open = true;
            }
            else
            {
                html.Append($"<li>{Encode(line.Text!)}</li>\n");
            }
        }

        html.Append(open ? "</ul>" : "");
        if (pageUrl is not null)
        {
            html.Append($"<p><a href=\"{Encode(pageUrl.ToString())}\">The report on its page</a></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>The report as headings and their lines, the one order both parts follow.</summary>
    private static IEnumerable<(string? Heading, string? Text)> Lines(WeeklyReport report)
    {
        yield return ("Coding", null);
        yield return (null, $"{ReportText.Hours(report.CodingHours)} coding, {ReportText.Count(report.Commits, "commit")}, {ReportText.Count(report.ActiveDays, "active day")}");
        foreach (var project in report.Projects)
        {
            yield return (null, $"{project.Project}: {ReportText.Hours(project.Hours)}, {ReportText.Count(project.Commits, "commit")}");
        }

        yield return ("Body", null);
        foreach (var (_, name, unit, values) in ReportText.Body(report))
        {
            yield return (null, $"{name}: {ReportText.Number(values.Average, unit)} (previous week {ReportText.Number(values.PreviousWeek, unit)}, 8-week baseline {ReportText.Number(values.Baseline, unit)})");
        }

        if (report.Goals.Count > 0)
        {
            yield return ("Goals", null);
            foreach (var goal in report.Goals)
            {
                yield return (null, ReportText.Goal(goal));
            }
        }

        yield return ("Habits", null);
        if (report.HabitEffects.Count == 0)
        {
            yield return (null, ReportText.NoHabitEffects);
        }

        foreach (var effect in report.HabitEffects)
        {
            yield return (null, effect.Sentence);
        }

        yield return ("Best day", null);
        yield return (null, report.BestDay is { } best ? $"{ReportText.Day(best.Day.Date)}: {best.Reason}" : "No day had a recovery or any coding.");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
