using MudBlazor;
using MudBlazor.Utilities;
using ProjectTracker.Web.Components.Layout;

namespace ProjectTracker.Web.Tests.Unit;

/// <summary>
/// Filled chips and buttons write their contrast text on the palette colour: WCAG AA needs 4.5:1, light and dark. (axe-core
/// measures the rest on every page: PageTests.)
/// </summary>
public sealed class TrackerThemeTests
{
    private const double AaNormalText = 4.5;

    public static TheoryData<string, string> FilledColours => new()
    {
        { "light", nameof(Palette.Warning) }, { "dark", nameof(Palette.Warning) },
        { "light", nameof(Palette.Success) }, { "dark", nameof(Palette.Success) },
        { "light", nameof(Palette.Primary) }, { "dark", nameof(Palette.Primary) },
        { "light", nameof(Palette.Error) }, { "dark", nameof(Palette.Error) },
    };

    [Theory]
    [MemberData(nameof(FilledColours))]
    public void Palette_ContrastTextOnItsColour_ReachesAa(string mode, string colour)
    {
        var theme = TrackerTheme.Create();
        Palette palette = mode == "dark" ? theme.PaletteDark : theme.PaletteLight;
        var background = (MudColor)typeof(Palette).GetProperty(colour)!.GetValue(palette)!;
        var text = (MudColor)typeof(Palette).GetProperty(colour + "ContrastText")!.GetValue(palette)!;

        var ratio = Contrast(Blend(text, background), background);

        Assert.True(ratio >= AaNormalText, $"{mode} {colour}: {text} on {background} is {ratio:0.00}:1");
    }

    private static (double R, double G, double B) Blend(MudColor text, MudColor under)
    {
        var alpha = text.A / 255.0;
        return (text.R * alpha + under.R * (1 - alpha), text.G * alpha + under.G * (1 - alpha), text.B * alpha + under.B * (1 - alpha));
    }

    private static double Contrast((double R, double G, double B) text, MudColor background)
    {
        var (a, b) = (Luminance(text), Luminance((background.R, background.G, background.B)));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance((double R, double G, double B) colour) =>
        0.2126 * Linear(colour.R) + 0.7152 * Linear(colour.G) + 0.0722 * Linear(colour.B);

    private static double Linear(double channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
