using MudBlazor;

namespace ProjectTracker.Web.Components.Layout;

/// <summary>
/// MudBlazor's default theme with the system font stack (no web fonts are downloaded), and colours that reach WCAG AA
/// (4.5:1) wherever axe-core measured less: dark text on the light orange and green fills (the "Demo data" chip, warning
/// and success chips and buttons), where white reached only 2:1; a darker orange for warning text on its pale alert
/// (2.9:1); in dark mode a lighter primary (links, outlined buttons and the current menu entry were 2.8–3.2:1) with dark
/// text on it, and lighter secondary text (4.25:1); a red that white text reaches 4.5:1 on.
/// </summary>
public static class TrackerTheme
{
    /// <summary>The font stack of every page, the API reference's included.</summary>
    public static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    // MudBlazor's own dark text colour; on #ff9800 it is 8.6:1, well past WCAG AA's 4.5:1 (TrackerThemeTests measures).
    private const string DarkText = "rgba(0,0,0,0.87)";

    // Warning text on MudBlazor's warning alert (its "darken" shade): on the pale light one (#fff9f0) 6.5:1 where the
    // default #d68100 was 2.9:1; on the dark one (#433e3c) 6:1 where #d68f00 was 3.9:1.
    private const string WarningText = "#8a4b00", DarkWarningText = "#ffb74d";

    // Dark mode: MudBlazor's #776be7 on its dark surfaces (#32333d, #373740) was 2.8–3.2:1; this is 4.9–5.2:1, with dark
    // text on it for filled buttons (7:1).
    private const string DarkPrimary = "#a59cf5", DarkPrimaryText = "#1e1e2d", DarkSecondaryText = "#b0b0b4";

    // Filled red (error chips and buttons): white on MudBlazor's #f44336 is 3.7:1; on this red 5:1. Dark mode's lighter
    // red takes dark text instead.
    private const string LightError = "#d32f2f";

    public static MudTheme Create()
    {
        var theme = new MudTheme();
        foreach (Palette palette in new Palette[] { theme.PaletteLight, theme.PaletteDark })
        {
            palette.WarningContrastText = DarkText;
            palette.SuccessContrastText = DarkText;
        }

        theme.PaletteLight.WarningDarken = WarningText;
        theme.PaletteLight.Error = LightError;
        theme.PaletteDark.ErrorContrastText = DarkText;
        theme.PaletteDark.WarningDarken = DarkWarningText;
        theme.PaletteDark.Primary = DarkPrimary;
        theme.PaletteDark.PrimaryContrastText = DarkPrimaryText;
        theme.PaletteDark.TextSecondary = DarkSecondaryText;

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
