using Microsoft.Extensions.Configuration;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>The old app's flat variables answer for the section keys they became, in one place, beneath every source.</summary>
public sealed class LegacySettingNamesTests
{
    private static ConfigurationManager Configuration(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationManager();
        configuration.AddLegacySettingNames();
        // Added after the mapping, as the environment and the tests' settings are: still seen through it.
        configuration.AddInMemoryCollection(values);
        return configuration;
    }

    [Fact]
    public void OldName_Alone_IsReadAsItsSectionKey()
    {
        var configuration = Configuration(new() { ["GITHUB_ACCESS_TOKEN"] = "ghp_old", ["database_url"] = "sqlite:///x.db" });

        Assert.Equal("ghp_old", configuration.Read("GitHub:AccessToken"));
        Assert.Equal("sqlite:///x.db", configuration.Read("Database:Url"));
        Assert.Null(configuration.Read("Whoop:ClientId"));
    }

    [Fact]
    public void BothSet_TheSectionKeyWins()
    {
        var configuration = Configuration(new() { ["WHOOP_CLIENT_ID"] = "old", ["Whoop:ClientId"] = "new" });

        Assert.Equal("new", configuration.Read("Whoop:ClientId"));
    }

    [Fact]
    public void Binder_SeesOldNamesAsTheirSectionsChildren()
    {
        var configuration = Configuration(new() { ["WHOOP_CLIENT_ID"] = "id", ["WHOOP_CLIENT_SECRET"] = "secret", ["Whoop:ApiBaseUrl"] = "http://x/" });

        var whoop = configuration.GetSection("Whoop").Get<WhoopSection>()!;

        Assert.Equal(["ApiBaseUrl", "ClientId", "ClientSecret"], configuration.GetSection("Whoop").GetChildren().Select(c => c.Key));
        Assert.Equal(("id", "secret", "http://x/"), (whoop.ClientId, whoop.ClientSecret, whoop.ApiBaseUrl));
    }

    [Fact]
    public void Map_CoversEveryOldVariableTheSpecNames()
    {
        Assert.Equal(
            ["CORS_ORIGINS", "DATABASE_URL", "GITHUB_ACCESS_TOKEN", "PUBLIC_BASE_URL", "REDIS_URL", "WHOOP_ACCESS_TOKEN", "WHOOP_CLIENT_ID",
             "WHOOP_CLIENT_SECRET", "WHOOP_REFRESH_TOKEN"],
            LegacySettingNames.SectionKeys.Keys.Order(StringComparer.Ordinal));
    }

    private sealed class WhoopSection
    {
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? ApiBaseUrl { get; set; }
    }
}
