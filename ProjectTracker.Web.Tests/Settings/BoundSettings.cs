using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Settings;

/// <summary>An options class bound the way the app binds it (old names mapped, bound, validated), and the start-up line a bad value gives.</summary>
internal static class BoundSettings
{
    public static TOptions Bind<TOptions>(string section, params (string Key, string? Value)[] settings)
        where TOptions : class =>
        Bind<TOptions>(services => services.AddSettings<TOptions>(section), settings);

    /// <summary>Bound by the app's own registration (<paramref name="register"/>), for rules across sections.</summary>
    public static TOptions Bind<TOptions>(Action<IServiceCollection> register, params (string Key, string? Value)[] settings)
        where TOptions : class
    {
        var configuration = new ConfigurationManager();
        configuration.AddLegacySettingNames();
        configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value)));
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<TOptions>();
    }

    /// <summary>The one line start-up prints for these settings (fails the test when they bind).</summary>
    public static string StartupLine<TOptions>(string section, params (string Key, string? Value)[] settings)
        where TOptions : class =>
        StartupLine<TOptions>(services => services.AddSettings<TOptions>(section), settings);

    public static string StartupLine<TOptions>(Action<IServiceCollection> register, params (string Key, string? Value)[] settings)
        where TOptions : class
    {
        var error = Assert.ThrowsAny<Exception>(() => Bind<TOptions>(register, settings));
        return StartupFailure.Describe(error) ?? throw new Xunit.Sdk.XunitException($"Not a configuration error: {error}");
    }
}
