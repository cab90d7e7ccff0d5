using ProjectTracker.Domain.Whoop;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Whoop;

public static class WhoopServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWhoop(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var defaults = new WhoopOptions();
        var options = new WhoopOptions
        {
            ApiBaseUrl = config.ReadAbsoluteUrl("Whoop:ApiBaseUrl", defaults.ApiBaseUrl),
            AuthorizationEndpoint = config.ReadAbsoluteUrl("Whoop:AuthorizationEndpoint", defaults.AuthorizationEndpoint),
            TokenEndpoint = config.ReadAbsoluteUrl("Whoop:TokenEndpoint", defaults.TokenEndpoint),
            ClientId = config.Read("Whoop:ClientId", "WHOOP_CLIENT_ID"),
            ClientSecret = config.Read("Whoop:ClientSecret", "WHOOP_CLIENT_SECRET"),
            AccessToken = config.Read("Whoop:AccessToken", "WHOOP_ACCESS_TOKEN"),
            RefreshToken = config.Read("Whoop:RefreshToken", "WHOOP_REFRESH_TOKEN"),
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WhoopReadService>();
        return builder;
    }
}
