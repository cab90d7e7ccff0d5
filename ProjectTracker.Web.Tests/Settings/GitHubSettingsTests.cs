using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>Section <c>GitHub</c> bound and validated before start (SPEC "Configuration"): each bad value is one line naming it.</summary>
public sealed class GitHubSettingsTests
{
    private static GitHubOptions Bind(params (string Key, string? Value)[] settings) =>
        BoundSettings.Bind<GitHubOptions>(GitHubOptions.Section, settings);

    private static string StartupLine(string key, string value) =>
        BoundSettings.StartupLine<GitHubOptions>(GitHubOptions.Section, (key, value));

    [Fact]
    public void NothingSet_EveryDefault()
    {
        var bound = Bind();
        var defaults = new GitHubOptions();

        Assert.Equal(defaults.ApiBaseUrl, bound.ApiBaseUrl);
        Assert.Null(bound.AccessToken);
        Assert.Equal(120, bound.SessionGapMinutes);
        Assert.Equal(TimeSpan.FromSeconds(30), bound.RequestTimeout);
        Assert.Equal("owner,collaborator,organization_member", bound.AffiliationParameter);
        Assert.Empty(bound.Exclude);
        Assert.True(bound.IncludeArchived);
    }

    /// <summary>A compose file's <c>GitHub__SessionGapMinutes=</c> is "not set", as the old app read its variables.</summary>
    [Fact]
    public void BlankValues_KeepTheDefaults()
    {
        var bound = Bind(("GitHub:SessionGapMinutes", "  "), ("GitHub:IncludeArchived", ""), ("GitHub:RequestTimeout", " "),
            ("GITHUB_ACCESS_TOKEN", ""));

        Assert.Equal(120, bound.SessionGapMinutes);
        Assert.True(bound.IncludeArchived);
        Assert.Equal(TimeSpan.FromSeconds(30), bound.RequestTimeout);
        Assert.False(bound.IsConfigured);
    }

    [Fact]
    public void Values_AreTrimmedAndTheOldTokenNameIsRead()
    {
        var bound = Bind(("GITHUB_ACCESS_TOKEN", " ghp_old \n"), ("GitHub:SessionGapMinutes", " 45 "), ("GitHub:IncludeForks", "True"),
            ("GitHub:RequestTimeout", "00:00:01.5"));

        Assert.Equal("ghp_old", bound.AccessToken);
        Assert.Equal(45, bound.SessionGapMinutes);
        Assert.True(bound.IncludeForks);
        Assert.Equal(TimeSpan.FromSeconds(1.5), bound.RequestTimeout);
    }

    [Fact]
    public void Lists_AsOneCommaSeparatedValueOrAsAnArray()
    {
        var commaSeparated = Bind(("GitHub:Exclude", "dotfiles, acme/old-site,"), ("GitHub:AuthorEmails", "me@old-laptop.local"));
        var array = Bind(("GitHub:Exclude:0", "dotfiles"), ("GitHub:Exclude:1", "acme/old-site"));

        Assert.Equal(["dotfiles", "acme/old-site"], commaSeparated.Exclude);
        Assert.Equal(["me@old-laptop.local"], commaSeparated.AuthorEmails);
        Assert.Equal(["dotfiles", "acme/old-site"], array.Exclude);
    }

    [Fact]
    public void Affiliation_LowerCaseEachOnce()
    {
        Assert.Equal("owner", Bind(("GitHub:Affiliation", "Owner, owner")).AffiliationParameter);
        Assert.Equal("owner,organization_member", Bind(("GitHub:Affiliation:0", "owner"), ("GitHub:Affiliation:1", "organization_member")).AffiliationParameter);
    }

    [Theory]
    [InlineData("GitHub:SessionGapMinutes", "zero", "GitHub:SessionGapMinutes must be a whole number from 1 to 1440; got 'zero'.")]
    [InlineData("GitHub:SessionGapMinutes", "0", "GitHub:SessionGapMinutes must be a whole number from 1 to 1440; got '0'.")]
    [InlineData("GitHub:SessionStartMinutes", "-1", "GitHub:SessionStartMinutes must be a whole number from 0 to 1440; got '-1'.")]
    [InlineData("GitHub:MaxParallelRepositories", "64", "GitHub:MaxParallelRepositories must be a whole number from 1 to 32; got '64'.")]
    [InlineData("GitHub:ApiBaseUrl", "not a url", "GitHub:ApiBaseUrl must be an absolute http:// or https:// URL; got 'not a url'.")]
    [InlineData("GitHub:ApiBaseUrl", "ftp://example.com", "GitHub:ApiBaseUrl must be an absolute http:// or https:// URL; got 'ftp://example.com'.")]
    [InlineData("GitHub:RequestTimeout", "00:00:00", "GitHub:RequestTimeout must be a duration above zero such as 00:00:30; got '00:00:00'.")]
    [InlineData("GitHub:RequestTimeout", "-00:00:05", "GitHub:RequestTimeout must be a duration above zero such as 00:00:30; got '-00:00:05'.")]
    [InlineData("GitHub:RequestTimeout", "soon", "GitHub:RequestTimeout must be a duration above zero such as 00:00:30; got 'soon'.")]
    [InlineData("GitHub:RetryDelay", "-00:00:01", "GitHub:RetryDelay must be a duration such as 00:00:02; got '-00:00:01'.")]
    [InlineData("GitHub:IncludeForks", "yes", "GitHub:IncludeForks must be true or false; got 'yes'.")]
    [InlineData("GitHub:Affiliation", "owner,everyone", "GitHub:Affiliation must be a comma-separated list of owner, collaborator, organization_member; got 'everyone'.")]
    public void BadValue_OneLineNamingTheSettingWhatItMustBeAndTheValue(string key, string value, string expected) =>
        Assert.Equal($"Configuration error: {expected}", StartupLine(key, value));
}
