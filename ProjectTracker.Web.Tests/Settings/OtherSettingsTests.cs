using ProjectTracker.Domain.Persistence;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Configuration;
using ProjectTracker.Web.Demo;
using ProjectTracker.Web.Jobs;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>The smaller sections, bound and checked the same way: defaults, old names, and one line per bad value.</summary>
public sealed class OtherSettingsTests
{
    [Fact]
    public void Whoop_OldNamesAndDefaults()
    {
        var whoop = BoundSettings.Bind<WhoopOptions>(WhoopOptions.Section,
            ("WHOOP_CLIENT_ID", "id"), ("WHOOP_CLIENT_SECRET", " secret "), ("WHOOP_REFRESH_TOKEN", ""));

        Assert.Equal("id", whoop.ClientId);
        Assert.Equal("secret", whoop.ClientSecret);
        Assert.True(whoop.HasClientCredentials);
        Assert.Null(whoop.RefreshToken);
        Assert.Equal(new WhoopOptions().TokenEndpoint, whoop.TokenEndpoint);
        Assert.Equal("0 * * * *", whoop.SyncSchedule);
    }

    [Theory]
    [InlineData("Whoop:TokenEndpoint", "ftp://x", "Whoop:TokenEndpoint must be an absolute http:// or https:// URL; got 'ftp://x'.")]
    [InlineData("Whoop:RequestTimeout", "00:00:00", "Whoop:RequestTimeout must be a duration above zero such as 00:00:30; got '00:00:00'.")]
    [InlineData("Whoop:RetryBackOff", "later", "Whoop:RetryBackOff must be a duration such as 00:00:02; got 'later'.")]
    public void Whoop_BadValue(string key, string value, string expected) =>
        Assert.Equal($"Configuration error: {expected}", BoundSettings.StartupLine<WhoopOptions>(WhoopOptions.Section, (key, value)));

    [Fact]
    public void Owner_CalendarAndAccount()
    {
        var owner = BoundSettings.Bind<OwnerOptions>(OwnerOptions.Section,
            ("Owner:TimeZone", "Europe/Berlin"), ("Owner:FirstDayOfWeek", "sunday"), ("Owner:WhoopUserId", "10129"));
        var unset = BoundSettings.Bind<OwnerOptions>(OwnerOptions.Section);

        Assert.Equal("Europe/Berlin", owner.Zone?.Id);
        Assert.Equal(DayOfWeek.Sunday, owner.FirstDayOfWeek);
        Assert.Equal("10129", owner.WhoopUserId);
        Assert.Null(unset.Zone);
        Assert.Equal(DayOfWeek.Monday, unset.FirstDayOfWeek);
    }

    [Theory]
    [InlineData("Owner:TimeZone", "Mars/Olympus", "Owner:TimeZone must be an IANA time-zone name such as Europe/Berlin or America/New_York; got 'Mars/Olympus'.")]
    [InlineData("Owner:FirstDayOfWeek", "Funday", "Owner:FirstDayOfWeek must be a day name such as Monday or Sunday; got 'Funday'.")]
    [InlineData("Owner:FirstDayOfWeek", "9", "Owner:FirstDayOfWeek must be a day name such as Monday or Sunday; got '9'.")]
    public void Owner_BadValue(string key, string value, string expected) =>
        Assert.Equal($"Configuration error: {expected}", BoundSettings.StartupLine<OwnerOptions>(OwnerOptions.Section, (key, value)));

    [Fact]
    public void CorsOrigins_OldNameCommaSeparatedWithoutTrailingSlash()
    {
        var cors = BoundSettings.Bind<CorsOriginsOptions>(CorsOriginsOptions.Section, ("CORS_ORIGINS", "https://a.example/, http://localhost:3000"));

        Assert.Equal(["https://a.example", "http://localhost:3000"], cors.AllowedOrigins);
    }

    [Theory]
    [InlineData("https://example.com/app")]
    [InlineData("ftp://example.com")]
    [InlineData("/app")]
    public void CorsOrigins_NotAnOrigin_NamesTheOldNameToo(string value) =>
        Assert.Equal(
            $"Configuration error: Cors:Origins (CORS_ORIGINS) must be comma-separated origins such as https://example.com; '{value}' is not one.",
            BoundSettings.StartupLine<CorsOriginsOptions>(CorsOriginsOptions.Section, ("CORS_ORIGINS", value)));

    [Fact]
    public void ReadModel_SecondsAsAnAge()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), BoundSettings.Bind<ReadModelOptions>(ReadModelOptions.Section).MaxAge);
        Assert.Equal(TimeSpan.Zero, BoundSettings.Bind<ReadModelOptions>(ReadModelOptions.Section, ("ReadModel:MaxAgeSeconds", "0")).MaxAge);
        Assert.Equal("Configuration error: ReadModel:MaxAgeSeconds must be a whole number from 0 to 3600; got 'two'.",
            BoundSettings.StartupLine<ReadModelOptions>(ReadModelOptions.Section, ("ReadModel:MaxAgeSeconds", "two")));
    }

    /// <summary>Read before the app is built (they decide how it is built): the same binding and the same line.</summary>
    [Fact]
    public void ReadBeforeTheContainer_SameRulesSameLine()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        configuration.AddLegacySettingNames();
        configuration["REDIS_URL"] = " redis://localhost:6379 ";
        configuration["Demo:Enabled"] = "True";

        Assert.Equal("redis://localhost:6379", configuration.ReadSettings<JobsOptions>(JobsOptions.Section).RedisUrl);
        Assert.True(configuration.ReadSettings<DemoOptions>(DemoOptions.Section).Enabled);

        Assert.Equal(TimeSpan.FromSeconds(15), configuration.ReadSettings<JobsOptions>(JobsOptions.Section).SchedulePollingInterval);

        configuration["Jobs:InvisibilityTimeout"] = "00:00:00.5";
        var error = Assert.ThrowsAny<Exception>(() => configuration.ReadSettings<JobsOptions>(JobsOptions.Section));
        Assert.Equal("Configuration error: Jobs:InvisibilityTimeout must be a duration of at least 00:00:01 such as 00:05:00; got '00:00:00.5'.",
            StartupFailure.Describe(error));

        configuration["Jobs:InvisibilityTimeout"] = "00:00:05";
        configuration["Jobs:SchedulePollingInterval"] = "00:00:00";
        error = Assert.ThrowsAny<Exception>(() => configuration.ReadSettings<JobsOptions>(JobsOptions.Section));
        Assert.Equal("Configuration error: Jobs:SchedulePollingInterval must be a duration of at least 00:00:01 such as 00:00:15; got '00:00:00'.",
            StartupFailure.Describe(error));
    }
}
