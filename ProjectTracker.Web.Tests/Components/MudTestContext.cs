using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>
/// A bUnit context set up for MudBlazor (STACK.md): loose JS interop, Mud services, an interactive server renderer.
/// Created per test rather than inherited (bUnit's base class does not dispose cleanly under xunit v2).
/// </summary>
public static class MudTestContext
{
    /// <param name="services">Extra services; added first, since bUnit refuses registrations once one was resolved.</param>
    public static BunitContext Create(Action<IServiceCollection>? services = null)
    {
        var context = new BunitContext();
        services?.Invoke(context.Services);
        AddDashboardAccess(context);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        context.AddBunitPersistentComponentState(); // <AntiforgeryToken /> reads its token from persisted state
        context.SetRendererInfo(new RendererInfo("Server", true));
        return context;
    }

    /// <summary>
    /// The access rules (by default as the app's defaults: public, refresh for all), for an anonymous visitor until a test
    /// signs someone in through the returned context.
    /// </summary>
    public static BunitAuthorizationContext AddDashboardAccess(BunitContext context, AccessOptions? access = null)
    {
        var authorization = context.AddAuthorization();
        context.Services.AddSingleton(access ?? new AccessOptions());
        context.Services.AddSingleton(new OwnerRule(new OwnerOptions()));
        context.Services.AddSingleton<RefreshAccess>();
        context.Services.AddSingleton<DestructiveAccess>();
        context.Services.AddSingleton<ClientBudgets>();
        context.Services.AddHttpContextAccessor();
        context.Services.AddScoped<DashboardUser>();
        return authorization;
    }
}
