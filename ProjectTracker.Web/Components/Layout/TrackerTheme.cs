using MudBlazor;

namespace ProjectTracker.Web.Components.Layout;

/// <summary>
/// MudBlazor's default theme with the system font stack (no web fonts are downloaded), and dark text on the light
/// orange and green fills (the "Demo data" chip, warning and success chips and buttons), where white reached only 2:1.
/// </summary>
public static class TrackerTheme
{
    /// <summary>The font stack of every page, the API reference's included.</summary>
    public static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    // MudBlazor's own dark text colour; on #ff9800 it is 8.6:1, well past WCAG AA's 4.5:1 (TrackerThemeTests measures).
    private const string DarkText = "rgba(0,0,0,0.87)";

    public static MudTheme Create()
    {
        var theme = new MudTheme();
        foreach (Palette palette in new Palette[] { theme.PaletteLight, theme.PaletteDark })
        {
            palette.WarningContrastText = DarkText;
            palette.SuccessContrastText = DarkText;
        }

        var typography = theme.Typography;
        BaseTypography[] all =
        [
            typography.Default, typography.H1, typography.H2, typography.H3, typography.H4, typography.H5, typography.H6,
            typography.Subtitle1, typography.Subtitle2, typography.Body1, typography.Body2,
            typography.Button, typography.Caption, typography.Overline,
        ];
        foreach (var typo in all)
        {
            typo.FontFamily = SystemFonts;
        }

        return theme;
    }
}
