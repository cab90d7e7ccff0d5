namespace ProjectTracker.Domain.Configuration;

/// <summary>A configuration value the app cannot start with. The message names the setting and never echoes a secret.</summary>
public sealed class SettingException(string setting, string problem)
    : Exception($"Configuration error: {setting} {problem}")
{
    public string Setting { get; } = setting;
}
