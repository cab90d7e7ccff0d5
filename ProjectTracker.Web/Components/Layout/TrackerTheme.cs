using MudBlazor;

namespace ProjectTracker.Web.Components.Layout;

/// <summary>MudBlazor's default theme with the system font stack (no web fonts are downloaded).</summary>
public static class TrackerTheme
{
    /// <summary>The font stack of every page, the API reference's included.</summary>
    public static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Create()
    {
        var theme = new MudTheme();
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
