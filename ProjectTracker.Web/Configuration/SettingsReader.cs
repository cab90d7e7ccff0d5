using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Configuration;

/// <summary>
/// Reads a setting by its section key (<c>GitHub:AccessToken</c>, also <c>GitHub__AccessToken</c> in the environment, or
/// the old app's flat variable <c>GITHUB_ACCESS_TOKEN</c> through <see cref="LegacySettingNames"/>), blank as unset.
/// </summary>
public static class SettingsReader
{
    public static string? Read(this IConfiguration configuration, string sectionKey)
    {
        var value = configuration[sectionKey];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static Uri ReadAbsoluteUrl(this IConfiguration configuration, string key, Uri fallback)
    {
        var value = configuration.Read(key);
        if (value is null)
        {
            return fallback;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new SettingException(key, $"must be an absolute http:// or https:// URL; got '{value}'.");
    }

    public static int ReadInt(this IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = configuration.Read(key);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, out var number) && number >= min && number <= max
            ? number
            : throw new SettingException(key, $"must be a whole number from {min} to {max}; got '{value}'.");
    }

    public static TimeSpan ReadTimeSpan(this IConfiguration configuration, string key, TimeSpan fallback)
    {
        var value = configuration.Read(key);
        if (value is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new SettingException(key, $"must be a duration such as 00:00:02; got '{value}'.");
    }

    /// <summary>A request timeout: a duration above zero.</summary>
    public static TimeSpan ReadTimeout(this IConfiguration configuration, string key, TimeSpan fallback)
    {
        var span = configuration.ReadTimeSpan(key, fallback);
        return span > TimeSpan.Zero
            ? span
            : throw new SettingException(key, $"must be a duration above zero such as 00:00:30; got '{configuration.Read(key)}'.");
    }

    public static bool ReadBool(this IConfiguration configuration, string key, bool fallback = false)
    {
        var value = configuration.Read(key);
        if (value is null)
        {
            return fallback;
        }

        return bool.TryParse(value, out var flag) ? flag : throw new SettingException(key, $"must be true or false; got '{value}'.");
    }
}
