namespace ProjectTracker.Web.Configuration;

/// <summary>How a start-up error names a setting: its section key, and the old app's variable where one maps to it.</summary>
public static class SettingNames
{
    private static readonly ILookup<string, string> OldNames =
        LegacySettingNames.SectionKeys.ToLookup(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Cors:Origins (CORS_ORIGINS)</c>, or the key alone.</summary>
    public static string Describe(string sectionKey) =>
        OldNames[sectionKey].FirstOrDefault() is { } oldName ? $"{sectionKey} ({oldName})" : sectionKey;
}
