using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Configuration;

/// <summary>
/// A feature's options class bound from its configuration section by the framework's binder and validated before the
/// app starts (<c>ValidateOnStart</c>), so a bad value stops start-up with one line naming the setting
/// (<see cref="StartupFailure"/>). The rules live on the options class as validation attributes (and
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> for rules across settings).
/// </summary>
public static class SettingsBinding
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> (blank values count as unset; a list may be
    /// one comma-separated value) and registers the bound instance itself, so services take the options class directly.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>()
            .Configure<IConfiguration>((options, configuration) => SectionBinder.Bind(configuration, section, options))
            .ValidateOnStart();
    }

    /// <summary>
    /// Binds and checks every section registered with <see cref="AddSettings{TOptions}"/> now, before anything starts: a
    /// bad value stops start-up with its one line, instead of failing the host's start after other services began (which
    /// logs the error with its stack trace first).
    /// </summary>
    public static WebApplication ValidateSettings(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        return app;
    }

    /// <summary>
    /// The same binding and checks at once, for the few settings that decide how the app itself is built (whether the
    /// demo runs, where jobs are stored) and so are needed before the service container exists.
    /// </summary>
    public static TOptions ReadSettings<TOptions>(this IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        var options = new TOptions();
        SectionBinder.Bind(configuration, section, options);
        var result = new SettingsValidator<TOptions>(section).Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(TOptions), result.Failures) : options;
    }
}
