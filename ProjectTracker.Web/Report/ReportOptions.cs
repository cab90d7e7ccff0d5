using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace ProjectTracker.Web.Report;

/// <summary>Section <c>Report</c>: who the weekly report is e-mailed to (the server is <see cref="SmtpOptions"/>).</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string Section = "Report";

    /// <summary>The addresses the weekly report goes to (one comma-separated value or a list).</summary>
    public string[] To { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (To.FirstOrDefault(address => !SmtpOptions.IsAddress(address)) is { } bad)
        {
            yield return new ValidationResult($"must be e-mail addresses such as you@example.com; got '{bad}'", [nameof(To)]);
        }
    }
}

/// <summary>
/// Section <c>Report:Smtp</c>: the mail server the weekly report is sent through (MailKit). Unset <c>Host</c>: nothing
/// is sent. The password is never logged nor echoed in an error.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Report:Smtp";

    public string? Host { get; set; }

    /// <summary>465: TLS from the first byte; any other port upgrades with STARTTLS when the server offers it.</summary>
    [Range(1, 65535, ErrorMessage = "must be a port number from 1 to 65535")]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>tracker@example.com</c> or <c>Project Tracker &lt;tracker@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public bool IsConfigured => Host is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is not null && !IsAddress(From))
        {
            yield return new ValidationResult($"must be an e-mail address such as tracker@example.com; got '{From}'", [nameof(From)]);
        }

        if (Host is not null && From is null)
        {
            yield return new ValidationResult("must be set (the sender's address) when Report:Smtp:Host is", [nameof(From)]);
        }

        if ((Username is null) != (Password is null))
        {
            // Never the password itself: only which of the two is missing.
            var missing = Username is null ? nameof(Username) : nameof(Password);
            yield return new ValidationResult($"must be set together with Report:Smtp:{(missing == nameof(Username) ? nameof(Password) : nameof(Username))}", [missing]);
        }
    }

    public static bool IsAddress(string text) => MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@');
}
