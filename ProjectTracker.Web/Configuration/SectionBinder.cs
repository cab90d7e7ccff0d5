using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Configuration;

/// <summary>
/// The framework's configuration binder over a section as people write it: a blank value is unset (an empty
/// <c>GitHub__SessionGapMinutes=</c> in a compose file keeps the default, where the binder would fail), values are
/// trimmed, a string list may be one comma-separated value, and a value the binder cannot convert stops start-up naming
/// the setting and what it must be.
/// </summary>
internal static class SectionBinder
{
    public static void Bind(IConfiguration configuration, string section, object options)
    {
        var values = configuration.GetSection(section).AsEnumerable(makePathsRelative: true)
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
        var view = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        try
        {
            view.Bind(options);
        }
        catch (InvalidOperationException) when (Unreadable(view, section, options.GetType()) is { } error)
        {
            throw error;
        }

        foreach (var list in Properties(options.GetType()).Where(p => p.PropertyType == typeof(string[])))
        {
            if (view[list.Name] is { } commaSeparated)
            {
                list.SetValue(options, commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
    }

    /// <summary>What a property's value must look like: its first rule's own words, else its type's.</summary>
    private static string Expectation(PropertyInfo property)
    {
        if (property.GetCustomAttributes<ValidationAttribute>().FirstOrDefault() is { } rule)
        {
            return rule.FormatErrorMessage(property.Name);
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number",
            _ when type == typeof(TimeSpan) => SettingMessages.Duration,
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"cannot be read as {type.Name}",
        };
    }

    // The binder's exception says which value failed only in its message; converting each value as it does finds it.
    private static SettingException? Unreadable(IConfiguration view, string section, Type optionsType)
    {
        foreach (var property in Properties(optionsType))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (view[property.Name] is not { } value || type == typeof(string) || type.IsArray)
            {
                continue;
            }

            try
            {
                TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
            {
                return new SettingException(SettingNames.Describe($"{section}:{property.Name}"), $"{Expectation(property)}; got '{value}'.");
            }
        }

        return null;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);
}
