namespace ProjectTracker.Web.Configuration;

/// <summary>
/// Reads a text setting by its section key (<c>GitHub:AccessToken</c>, also <c>GitHub__AccessToken</c> in the environment, or
/// the old app's flat variable <c>GITHUB_ACCESS_TOKEN</c> through <see cref="LegacySettingNames"/>), blank as unset.
/// Only for what must be known while the host is built (<c>PORT</c>, <c>Database:Url</c>, the key-ring certificate);
/// everything else is an options class bound by <see cref="SettingsBinding"/>.
/// </summary>
public static class SettingsReader
{
    public static string? Read(this IConfiguration configuration, string sectionKey)
    {
        var value = configuration[sectionKey];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
