using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Configuration;

/// <summary>
/// Checks an options class's validation attributes (and <see cref="IValidatableObject"/>) and words each failure as the
/// start-up line says it: the setting's name, what it must be, and the value given — except for text, which may be a
/// secret, so a rule on text says what is wrong in its own words.
/// </summary>
internal sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => Describe(problem, options)));
    }

    private string Describe(ValidationResult problem, TOptions options)
    {
        var member = problem.MemberNames.FirstOrDefault() ?? "";
        var setting = SettingNames.Describe(member.Length == 0 ? section : $"{section}:{member}");
        var value = member.Length == 0 ? null : typeof(TOptions).GetProperty(member)?.GetValue(options);
        return value switch
        {
            null or string or System.Collections.IEnumerable => $"{setting} {problem.ErrorMessage}.",
            _ => $"{setting} {problem.ErrorMessage}; got '{Text(value)}'.",
        };
    }

    private static string Text(object value) => value switch
    {
        // 00:00:00.5 as written, not 00:00:00.5000000
        TimeSpan span when span.Ticks % TimeSpan.TicksPerSecond != 0 => span.ToString("c", CultureInfo.InvariantCulture).TrimEnd('0'),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Uri uri => uri.OriginalString,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
