using ProjectTracker.Domain.Report;

namespace ProjectTracker.Web.Tests.Report;

/// <summary>ISO weeks as the report's address reads them, and the best-day rule.</summary>
public sealed class ReportWeekTests
{
    [Theory]
    [InlineData("2026-W49", "2026-11-30", "2026-12-06")]
    [InlineData("2026-w01", "2025-12-29", "2026-01-04")] // week 1 holds the year's first Thursday, so starts in December
    [InlineData("2026-W53", "2026-12-28", "2027-01-03")] // 2026 starts on a Thursday: 53 weeks
    public void Parse_IsoWeek_MondayToSunday(string text, string start, string end)
    {
        var week = ReportWeek.Parse(text)!.Value;

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (week.Start, week.End));
        Assert.Equal(text.ToUpperInvariant(), week.ToString());
        Assert.Equal(week, ReportWeek.Of(week.End));
        Assert.Equal(week, week.Previous.Next);
    }

    [Theory]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("0001-W01")] // its baseline would start before the calendar does
    [InlineData("2026-W7")]
    [InlineData("2026W07")]
    [InlineData(" 2026-W07")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotAWeekTheYearHas_IsNull(string? text) => Assert.Null(ReportWeek.Parse(text));

    [Fact]
    public void BestDay_HighestRecovery_TieToMoreCoding_ElseMostCoding()
    {
        ReportDay Day(int day, double? recovery, double hours) => new(new DateOnly(2026, 3, day), 1, hours, recovery, null, null);

        var rested = WeeklyReportReader.BestDay([Day(2, 70, 1), Day(3, 70, 4), Day(4, 50, 9)]);
        var busiest = WeeklyReportReader.BestDay([Day(2, null, 1), Day(3, null, 4)]);

        Assert.Equal(new DateOnly(2026, 3, 3), rested!.Day.Date);
        Assert.Equal("highest recovery of the week (70 %)", rested.Reason);
        Assert.Equal(new DateOnly(2026, 3, 3), busiest!.Day.Date);
        Assert.Null(WeeklyReportReader.BestDay([Day(2, null, 0)]));
    }
}
