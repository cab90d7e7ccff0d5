using Bunit;
using ProjectTracker.Web.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class RangePickerTests : IAsyncDisposable
{
    private readonly BunitContext _context = MudTestContext.Create();
    private readonly List<RangeSelection> _chosen = [];

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<RangePicker> Render(RangeSelection value, string? error = null) =>
        _context.Render<RangePicker>(p => p
            .Add(x => x.Value, value)
            .Add(x => x.Error, error)
            .Add(x => x.ValueChanged, selection => _chosen.Add(selection)));

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(365)]
    public void Preset_Clicked_ChoosesThatManyDays(int days)
    {
        var picker = Render(RangeSelection.Default);

        picker.Find($"[data-testid=range-{days}]").Click();

        Assert.Equal(RangeSelection.LastDays(days), Assert.Single(_chosen));
    }

    [Fact]
    public void Preset_Current_IsMarkedPressed()
    {
        var picker = Render(RangeSelection.LastDays(90));

        Assert.Equal("true", picker.Find("[data-testid=range-90]").GetAttribute("aria-pressed"));
        Assert.Equal("false", picker.Find("[data-testid=range-30]").GetAttribute("aria-pressed"));
        Assert.Equal("false", picker.Find("[data-testid=range-custom]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Custom_Clicked_OpensTheDatePicker()
    {
        var picker = Render(RangeSelection.Default);
        Assert.Empty(picker.FindAll("[data-testid=range-custom-panel]"));

        picker.Find("[data-testid=range-custom]").Click();

        Assert.NotEmpty(picker.FindAll("[data-testid=range-custom-panel]"));
        Assert.Empty(_chosen);
    }

    [Fact]
    public async Task ApplyCustom_ValidDates_ChoosesThatRange()
    {
        var picker = Render(RangeSelection.Default);

        await picker.InvokeAsync(() => picker.Instance.ApplyCustomAsync(new DateTime(2026, 1, 5), new DateTime(2026, 2, 3)));

        Assert.Equal(RangeSelection.Custom(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 3)), Assert.Single(_chosen));
        Assert.Empty(picker.FindAll("[data-testid=range-error]"));
    }

    [Fact]
    public async Task ApplyCustom_EndBeforeStart_SaysSoAndKeepsTheRange()
    {
        var picker = Render(RangeSelection.Default);

        await picker.InvokeAsync(() => picker.Instance.ApplyCustomAsync(new DateTime(2026, 2, 3), new DateTime(2026, 1, 5)));

        Assert.Empty(_chosen);
        Assert.Equal("The end date (2026-01-05) is before the start date (2026-02-03).", picker.Find("[data-testid=range-error]").TextContent.Trim());
    }

    [Fact]
    public async Task ApplyCustom_MissingOrUnreadableEnd_SaysWhichDateAndHowToWriteIt()
    {
        var picker = Render(RangeSelection.Default);

        await picker.InvokeAsync(() => picker.Instance.ApplyCustomAsync(new DateTime(2026, 2, 3), null));

        Assert.Empty(_chosen);
        Assert.Equal("The end date is missing or not a date: type YYYY-MM-DD (such as 2026-01-31) or pick in the calendar.",
            picker.Find("[data-testid=range-error]").TextContent.Trim());
    }

    [Fact]
    public async Task ApplyCustom_NeitherDate_SaysBoth()
    {
        var picker = Render(RangeSelection.Default);

        await picker.InvokeAsync(() => picker.Instance.ApplyCustomAsync(null, null));

        Assert.Empty(_chosen);
        Assert.StartsWith("The start and end dates are missing or not a date", picker.Find("[data-testid=range-error]").TextContent.Trim());
    }

    [Fact]
    public void Error_FromTheUrl_IsShown()
    {
        var picker = Render(RangeSelection.Default, "The start date 'x' is not a date; use YYYY-MM-DD.");

        Assert.Contains("is not a date", picker.Find("[data-testid=range-error]").TextContent);
    }
}
