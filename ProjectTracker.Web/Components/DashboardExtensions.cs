using MudBlazor.Services;

namespace ProjectTracker.Web.Components;

/// <summary>The Blazor Server dashboards (MudBlazor, interactive server render mode).</summary>
public static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Pages.Overview.OverviewReader>();
        builder.Services.AddSingleton<Setup.SetupReader>();
        return builder;
    }

    /// <summary>Maps static assets and the pages; call <c>app.UseAntiforgery()</c> before this.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
