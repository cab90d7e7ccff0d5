using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Whoop.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class WhoopConnectionPanelTests : IAsyncDisposable
{
    private static readonly WhoopOptions Configured = new() { ClientId = "id", ClientSecret = "secret" };
    private static readonly WhoopOptions Unconfigured = new();
    private static readonly WhoopConnectionState Nothing = new(false, false, false, null, null, [], false);
    private static readonly WhoopConnectionState Connected = new(true, true, true, "10129", null, ["offline"], false);
    private static readonly WhoopConnectionState Refused = new(false, true, true, "10129", null, ["offline"], true);

    private readonly BunitContext _context =
        MudTestContext.Create(services => services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery()));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    /// <summary>Renders the panel as the owner sees it (signed in), unless <paramref name="owner"/> is false.</summary>
    private IRenderedComponent<WhoopConnectionPanel> Render(WhoopOptions options, WhoopConnectionState state, bool owner = true) =>
        _context.Render<WhoopConnectionPanel>(p => p.Add(x => x.Options, options).Add(x => x.State, state).Add(x => x.CanDisconnect, owner));

    [Fact]
    public void Connected_LastSyncFailed_ShowsWhyUntilASyncSucceeds()
    {
        var at = new DateTime(2026, 3, 15, 9, 30, 0, DateTimeKind.Utc);
        var failed = _context.Render<WhoopConnectionPanel>(p => p.Add(x => x.Options, Configured).Add(x => x.State, Connected)
            .Add(x => x.LastSyncAt, at).Add(x => x.LastSyncError, "WHOOP could not be reached from here (Connection refused)."));
        var succeeded = _context.Render<WhoopConnectionPanel>(p => p.Add(x => x.Options, Configured).Add(x => x.State, Connected)
            .Add(x => x.LastSyncAt, at));

        Assert.Equal("The last sync (2026-03-15 09:30 UTC) failed: WHOOP could not be reached from here (Connection refused).",
            failed.Find("[data-testid=whoop-last-sync-error]").TextContent.Trim());
        Assert.Empty(succeeded.FindAll("[data-testid=whoop-last-sync-error]"));
    }

    [Fact]
    public void Connected_WithABodyMeasurement_ShowsHeightWeightAndMaximumHeartRate()
    {
        var profile = new WhoopProfile { UserId = "10129", HeightMeter = 1.8288, WeightKilogram = 90.7185, MaxHeartRate = 200 };
        var panel = _context.Render<WhoopConnectionPanel>(p => p.Add(x => x.Options, Configured).Add(x => x.State, Connected)
            .Add(x => x.Profile, profile));

        Assert.Equal("Height 1.83 m · weight 90.7 kg · maximum heart rate 200 bpm",
            string.Join(' ', panel.Find("[data-testid=whoop-body-measurement]").TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(panel.FindAll("[data-testid=whoop-body-measurement-missing]"));
    }

    [Fact]
    public void Connected_WithoutTheBodyMeasurementScope_SaysHowToShareIt()
    {
        // Connected before the app asked for read:body_measurement: the grant's scopes lack it.
        var panel = _context.Render<WhoopConnectionPanel>(p => p.Add(x => x.Options, Configured).Add(x => x.State, Connected)
            .Add(x => x.Profile, new WhoopProfile { UserId = "10129" }));

        Assert.Contains("reconnect WHOOP", panel.Find("[data-testid=whoop-body-measurement-missing]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=whoop-body-measurement]"));
    }

    [Fact]
    public void Connected_SeenByAVisitor_OffersNoDisconnect()
    {
        var panel = Render(Configured, Refused, owner: false);

        Assert.NotEmpty(panel.FindAll("[data-testid=whoop-reconnect]"));
        Assert.Empty(panel.FindAll("[data-testid=whoop-disconnect]"));
    }

    [Fact]
    public void NotConfigured_SaysWhichVariablesToSet_AndOffersNoConnect()
    {
        var panel = Render(Unconfigured, Nothing);

        var text = panel.Find("[data-testid=whoop-not-configured]").TextContent;
        Assert.Contains("WHOOP_CLIENT_ID", text);
        Assert.Contains("WHOOP_CLIENT_SECRET", text);
        Assert.Contains("/signin-whoop", text);
        Assert.Empty(panel.FindAll("[data-testid=whoop-connect]"));
        Assert.Equal("NotConfigured", panel.Find("[data-testid=whoop-connection-state]").GetAttribute("data-state"));
    }

    [Fact]
    public void NotConnected_OffersConnectBackToTheDashboard()
    {
        var panel = Render(Configured, Nothing);

        Assert.Equal("/login/whoop?returnUrl=/whoop", panel.Find("[data-testid=whoop-connect]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=whoop-disconnect]"));
        Assert.Empty(panel.FindAll("[data-testid=whoop-reconnect]"));
    }

    [Fact]
    public void ReconnectRequired_OffersReconnectAndDisconnect()
    {
        var panel = Render(Configured, Refused);

        Assert.Equal("/login/whoop?returnUrl=/whoop", panel.Find("[data-testid=whoop-reconnect]").GetAttribute("href"));
        Assert.Contains("data already stored is kept", panel.Markup);
        Assert.NotEmpty(panel.FindAll("[data-testid=whoop-disconnect]"));
        Assert.Empty(panel.FindAll("[data-testid=whoop-connect]"));
    }

    [Fact]
    public void Disconnect_Clicked_AsksFirstWithAPostFormThatKeepsTheData()
    {
        var panel = Render(Configured, Connected);
        Assert.Empty(panel.FindAll("form"));

        panel.Find("[data-testid=whoop-disconnect]").Click();

        var form = panel.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/whoop/disconnect", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Contains("data already stored stays", panel.Find("[data-testid=whoop-disconnect-confirmation]").TextContent);
    }
}

/// <summary>The token the app's antiforgery would issue; here fixed, so the form's hidden field can be checked.</summary>
internal sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
}
