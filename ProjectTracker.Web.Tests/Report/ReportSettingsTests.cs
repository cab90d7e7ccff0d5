using ProjectTracker.Web.Report;
using ProjectTracker.Web.Tests.Settings;

namespace ProjectTracker.Web.Tests.Report;

/// <summary><c>Report:To</c> and <c>Report:Smtp:*</c>: bound as the app binds them, one start-up line per bad value, never the password.</summary>
public sealed class ReportSettingsTests
{
    private static void ReportRegistration(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        services.AddReportSettings();

    [Fact]
    public void Configured_BindsEveryValue_FromSectionedKeys()
    {
        var smtp = BoundSettings.Bind<SmtpOptions>(ReportRegistration,
            ("Report:Smtp:Host", "smtp.example.com"), ("Report:Smtp:Port", "465"), ("Report:Smtp:Username", "me"),
            ("Report:Smtp:Password", "s3cret"), ("Report:Smtp:From", "Tracker <t@example.com>"), ("Report:To", "a@example.com, b@example.com"));
        var report = BoundSettings.Bind<ReportOptions>(ReportRegistration, ("Report:Smtp:Host", "smtp.example.com"),
            ("Report:Smtp:From", "t@example.com"), ("Report:To", "a@example.com, b@example.com"));

        Assert.Equal(("smtp.example.com", 465, "me", "s3cret"), (smtp.Host, smtp.Port, smtp.Username, smtp.Password));
        Assert.True(smtp.IsConfigured);
        Assert.Equal(["a@example.com", "b@example.com"], report.To);
    }

    [Fact]
    public void Unset_NothingIsSent_AndPortDefaultsTo587()
    {
        var smtp = BoundSettings.Bind<SmtpOptions>(ReportRegistration, ("Report:Smtp:Host", " "));

        Assert.False(smtp.IsConfigured);
        Assert.Equal(587, smtp.Port);
    }

    [Theory]
    [InlineData("Report:Smtp:Port", "smtp", "Report:Smtp:Port must be a port number from 1 to 65535; got 'smtp'.")]
    [InlineData("Report:Smtp:Port", "70000", "Report:Smtp:Port must be a port number from 1 to 65535; got '70000'.")]
    [InlineData("Report:Smtp:From", "not an address", "Report:Smtp:From must be an e-mail address such as tracker@example.com; got 'not an address'.")]
    public void Smtp_BadValue_OneLineNamingIt(string key, string value, string expected)
    {
        (string Key, string? Value)[] valid = [("Report:Smtp:Host", "smtp.example.com"), ("Report:Smtp:From", "t@example.com"), ("Report:To", "a@example.com")];

        var line = BoundSettings.StartupLine<SmtpOptions>(ReportRegistration, [.. valid.Where(s => s.Key != key), (key, value)]);

        Assert.Equal($"Configuration error: {expected}", line);
    }

    [Fact]
    public void To_BadAddress_OneLineNamingIt() =>
        Assert.Equal("Configuration error: Report:To must be e-mail addresses such as you@example.com; got 'nobody'.",
            BoundSettings.StartupLine<ReportOptions>(ReportRegistration,
                ("Report:Smtp:Host", "smtp.example.com"), ("Report:Smtp:From", "t@example.com"), ("Report:To", "a@example.com,nobody")));

    [Fact]
    public void HostWithoutTo_AndToWithoutHost_EachNameTheMissingSetting()
    {
        var noTo = BoundSettings.StartupLine<ReportOptions>(ReportRegistration, ("Report:Smtp:Host", "smtp.example.com"), ("Report:Smtp:From", "t@example.com"));
        var noHost = BoundSettings.StartupLine<ReportOptions>(ReportRegistration, ("Report:To", "a@example.com"));

        Assert.StartsWith("Configuration error: Report:To must be set", noTo);
        Assert.StartsWith("Configuration error: Report:Smtp:Host must be set", noHost);
    }

    [Fact]
    public void PasswordWithoutUsername_NamesTheMissingOne_NeverThePassword()
    {
        var line = BoundSettings.StartupLine<SmtpOptions>(ReportRegistration,
            ("Report:Smtp:Host", "smtp.example.com"), ("Report:Smtp:From", "t@example.com"), ("Report:To", "a@example.com"),
            ("Report:Smtp:Password", "hunter2-secret"));

        Assert.Equal("Configuration error: Report:Smtp:Username must be set together with Report:Smtp:Password.", line);
        Assert.DoesNotContain("hunter2", line);
    }
}
