using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Configuration;

/// <summary>
/// What stops start-up, as the one line a person needs (the setting or file, and the real cause), for the failures
/// whose fix is in the configuration rather than the code. Anything else keeps its stack trace.
/// </summary>
public static partial class StartupFailure
{
    public static string? Describe(Exception error) => error switch
    {
        SettingException setting => setting.Message,
        // Bound options checked at start-up (SettingsValidator words each failure); several at once stop start-up as one.
        OptionsValidationException options => $"Configuration error: {options.Failures.First()}",
        AggregateException { InnerExceptions: [var first, ..] } => Describe(first),
        InvalidDataException { InnerException: { } inner } when ConfigurationFile(error.Message) is { } file =>
            $"Configuration error: {Path.GetFileName(file)} ({file}) {JsonProblem(inner)}",
        _ => null,
    };

    // The JSON provider's "Failed to load configuration from file '<path>'.", around the parser's own error.
    private static string? ConfigurationFile(string message) =>
        FailedToLoad().Match(message) is { Success: true } match ? match.Groups["path"].Value : null;

    private static string JsonProblem(Exception inner)
    {
        for (Exception? e = inner; e is not null; e = e.InnerException)
        {
            if (e is JsonException { LineNumber: { } line } json)
            {
                // The parser counts from 0 and appends "LineNumber: … | BytePositionInLine: …" to its message.
                var reason = json.Message.Split(" LineNumber:", 2)[0].Trim();
                return $"is not valid JSON at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}: {reason}";
            }
        }

        return $"cannot be read: {inner.Message}";
    }

    [GeneratedRegex("^Failed to load configuration from file '(?<path>.+)'\\.")]
    private static partial Regex FailedToLoad();
}
