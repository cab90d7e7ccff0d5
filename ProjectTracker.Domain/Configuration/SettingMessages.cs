namespace ProjectTracker.Domain.Configuration;

/// <summary>
/// What a setting must be, in the words of the start-up line (after the setting's name, before "; got '…'"), for the
/// options classes' validation attributes: <c>{1}</c> and <c>{2}</c> are a range's bounds.
/// </summary>
public static class SettingMessages
{
    public const string WholeNumber = "must be a whole number from {1} to {2}";
    public const string Duration = "must be a duration such as 00:00:02";
    public const string Timeout = "must be a duration above zero such as 00:00:30";

    /// <summary>The longest a wait or timeout may be set to: beyond it a value is a typo, not a wish.</summary>
    public const string LongestDuration = "1.00:00:00";
}
