using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

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
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        context.AddBunitPersistentComponentState(); // <AntiforgeryToken /> reads its token from persisted state
        context.SetRendererInfo(new RendererInfo("Server", true));
        return context;
    }
}
