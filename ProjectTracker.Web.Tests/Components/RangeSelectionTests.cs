using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Components;

namespace ProjectTracker.Web.Tests.Components;

public sealed class RangeSelectionTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void FromQuery_Nothing_IsTheDefaultThirtyDays()
    {
        var (selection, error) = RangeSelection.FromQuery(null, null, null);

        Assert.Equal(RangeSelection.LastDays(30), selection);
        Assert.Null(error);
        Assert.Equal(new DateRange(new DateOnly(2026, 2, 14), Today), selection.Resolve(Today));
    }

    [Fact]
    public void FromQuery_Days_CountsBackFromToday()
    {
        var (selection, error) = RangeSelection.FromQuery("7", null, null);

        Assert.Null(error);
        Assert.Equal(new DateRange(new DateOnly(2026, 3, 9), Today), selection.Resolve(Today));
    }

    [Fact]
    public void FromQuery_StartAndEnd_IsThatCustomRange()
    {
        var (selection, error) = RangeSelection.FromQuery("7", "2026-01-01", "2026-01-31");

        Assert.Null(error);
        Assert.True(selection.IsCustom);
        Assert.Equal(new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), selection.Resolve(Today));
    }

    [Theory]
    [InlineData(null, "2026-13-40", "2026-01-31", "The start date '2026-13-40' is not a date; use YYYY-MM-DD.")]
    [InlineData(null, "2026-02-01", "2026-01-31", "The end date (2026-01-31) is before the start date (2026-02-01).")]
    [InlineData(null, "2026-02-01", null, "Choose an end date as well as a start date.")]
    [InlineData(null, "2000-01-01", "2026-01-31", "A range can cover at most 3650 days; this one covers 9528.")]
    [InlineData("abc", null, null, "'abc' is not a number of days; use a whole number from 1 to 3650.")]
    [InlineData("0", null, null, "'0' is not a number of days; use a whole number from 1 to 3650.")]
    [InlineData(null, null, "2026-01-31", "Choose a start date as well as an end date.")]
    [InlineData(null, "2026-01-01", "31.01.2026", "The end date '31.01.2026' is not a date; use YYYY-MM-DD.")]
    [InlineData("3651", null, null, "'3651' is not a number of days; use a whole number from 1 to 3650.")]
    [InlineData("+7", null, null, "'+7' is not a number of days; use a whole number from 1 to 3650.")]
    public void FromQuery_Unusable_FallsBackToTheDefaultWithAMessage(string? days, string? start, string? end, string expected)
    {
        var (selection, error) = RangeSelection.FromQuery(days, start, end);

        Assert.Equal(RangeSelection.Default, selection);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(null, null, "The start and end dates are missing or not a date")]
    [InlineData(null, "2026-01-31", "The start date is missing or not a date")]
    [InlineData("2026-01-01", null, "The end date is missing or not a date")]
    public void ValidateCustom_MissingDate_SaysWhichOne(string? start, string? end, string expected)
    {
        var error = RangeSelection.ValidateCustom(Date(start), Date(end));

        Assert.Equal(expected + ": type YYYY-MM-DD (such as 2026-01-31) or pick in the calendar.", error);
    }

    [Fact]
    public void ValidateCustom_ExactlyTheLongestRange_IsFine()
    {
        var start = new DateOnly(2020, 1, 1);

        Assert.Null(RangeSelection.ValidateCustom(start, start.AddDays(DateRange.MaxDays - 1)));
        Assert.NotNull(RangeSelection.ValidateCustom(start, start.AddDays(DateRange.MaxDays)));
    }

    [Fact]
    public void ToQuery_Preset_WritesDaysAndClearsDates()
    {
        var query = RangeSelection.LastDays(90).ToQuery();

        Assert.Equal(90, query["days"]);
        Assert.Null(query["start"]);
        Assert.Null(query["end"]);
    }

    [Fact]
    public void ToQuery_Custom_WritesIsoDatesAndClearsDays()
    {
        var query = RangeSelection.Custom(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 3)).ToQuery();

        Assert.Null(query["days"]);
        Assert.Equal("2026-01-05", query["start"]);
        Assert.Equal("2026-02-03", query["end"]);
    }

    private static DateOnly? Date(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
