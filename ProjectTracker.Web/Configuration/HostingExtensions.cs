using Microsoft.AspNetCore.Cors.Infrastructure;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Web.Configuration;

public static class HostingExtensions
{
    /// <summary>The old app's <c>--demo</c> style switches become configuration keys.</summary>
    public static string[] TranslateSwitches(string[] args) =>
        args.Select(arg => arg == "--demo" ? "--Demo:Enabled=true" : arg).ToArray();

    /// <summary>Where a local run listens when nothing says otherwise (the README's address).</summary>
    public const string DefaultLocalUrl = "http://localhost:5080";

    /// <summary>
    /// <c>PORT</c> (Railway, Docker): listen on every interface at that port. Otherwise ASP.NET Core's own settings
    /// (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>) as given, and with none of them
    /// <see cref="DefaultLocalUrl"/>: set here rather than in the launch profile, which would override the variables.
    /// </summary>
    public static WebApplicationBuilder UsePortVariable(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.Read("PORT");
        if (port is null)
        {
            if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
            {
                builder.WebHost.UseUrls(DefaultLocalUrl);
            }

            return builder;
        }

        if (!int.TryParse(port, out var number) || number is < 1 or > 65535)
        {
            throw new SettingException("PORT", $"must be a port number from 1 to 65535; got '{port}'.");
        }

        builder.WebHost.UseUrls($"http://0.0.0.0:{number}");
        return builder;
    }

    /// <summary><c>CORS_ORIGINS</c> (or <c>Cors:Origins</c>): comma-separated origins allowed to call <c>/api</c>.</summary>
    public static WebApplicationBuilder AddCorsOrigins(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<CorsOriginsOptions>(CorsOriginsOptions.Section);
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<CorsOriginsOptions>((cors, allowed) => cors.AddDefaultPolicy(policy =>
        {
            if (allowed.AllowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(allowed.AllowedOrigins.ToArray());
            }

            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location");
        }));
        return builder;
    }
}
