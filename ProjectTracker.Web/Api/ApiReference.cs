using ProjectTracker.Web.Components.Layout;
using Scalar.AspNetCore;

namespace ProjectTracker.Web.Api;

/// <summary>
/// The reference page at <c>/scalar</c>, self-contained: Scalar's scripts come from the package through the app, its web
/// fonts (fonts.scalar.com) give way to the dashboards' system fonts, and what needs Scalar's cloud (the AI agent, MCP,
/// the hosted API client, the SDK and deploy toolbar, telemetry) is switched off, so no request leaves this host.
/// </summary>
public static class ApiReference
{
    public const string Title = "Project Tracker API";

    public static void Configure(ScalarOptions scalar) => scalar
        .WithTitle(Title)
        .DisableDefaultFonts()
        .WithCustomCss(FontCss)
        .DisableAgent()
        .DisableMcp()
        .DisableTelemetry()
        .HideClientButton()
        .HideDeveloperTools();

    // Unlayered, so it wins over Scalar's own variables (declared in its `scalar-base` layer).
    private static readonly string FontCss =
        $":root {{ --scalar-font: {Css(TrackerTheme.SystemFonts)}; --scalar-font-code: ui-monospace, \"SFMono-Regular\", Menlo, Consolas, monospace; }}";

    private static string Css(IEnumerable<string> fonts) => string.Join(", ", fonts.Select(f => f.Contains(' ') ? $"\"{f}\"" : f));
}
