namespace ProjectTracker.Web.Configuration;

/// <summary>
/// The old app's flat environment variables, each mapped once to the setting it became: configuration answers
/// <c>GitHub:AccessToken</c> from <c>GITHUB_ACCESS_TOKEN</c> when the section key itself is not set, so code (and the
/// options binder) reads section keys only. The section key wins when both are set.
/// </summary>
public static class LegacySettingNames
{
    /// <summary>Old name → section key.</summary>
    public static readonly IReadOnlyDictionary<string, string> SectionKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DATABASE_URL"] = "Database:Url",
        ["REDIS_URL"] = "Jobs:RedisUrl",
        ["GITHUB_ACCESS_TOKEN"] = "GitHub:AccessToken",
        ["WHOOP_CLIENT_ID"] = "Whoop:ClientId",
        ["WHOOP_CLIENT_SECRET"] = "Whoop:ClientSecret",
        ["WHOOP_ACCESS_TOKEN"] = "Whoop:AccessToken",
        ["WHOOP_REFRESH_TOKEN"] = "Whoop:RefreshToken",
        ["CORS_ORIGINS"] = "Cors:Origins",
        ["PUBLIC_BASE_URL"] = "Access:PublicBaseUrl",
    };

    /// <summary>Adds the mapping beneath every other source, so any source's section key overrides an old name.</summary>
    public static ConfigurationManager AddLegacySettingNames(this ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new LegacySettingNamesSource(configuration));
        return configuration;
    }
}
