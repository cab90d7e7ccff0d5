namespace ProjectTracker.Domain;

/// <summary>Writing a phrase at the start of a sentence, or in its middle.</summary>
public static class Sentences
{
    /// <summary>"sleep and commits" → "Sleep and commits".</summary>
    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"Sleep and …" → "sleep and …" mid-sentence; an acronym ("HRV and …") stays as it is.</summary>
    public static string Uncapitalise(string text) =>
        text.Length > 1 && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
