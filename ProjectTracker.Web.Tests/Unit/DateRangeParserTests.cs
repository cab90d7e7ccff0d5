using System.Globalization;
using ProjectTracker.Domain.Time;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class DateRangeParserTests
{
    private const int DefaultDays = 7;
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Func<string, IReadOnlyList<string?>> Query(Dictionary<string, string?[]> query) =>
        name => query.TryGetValue(name, out var values) ? values : [];

    private static DateRange Parse(Dictionary<string, string?[]> query) =>
        DateRangeParser.Parse(Query(query), DefaultDays, Today);

    private static InvalidQueryParameterException Refused(Dictionary<string, string?[]> query) =>
        Assert.Throws<InvalidQueryParameterException>(() => Parse(query));

    [Fact]
    public void Parse_NothingGiven_GivesDefaultDaysEndingToday()
    {
        var range = Parse([]);

        Assert.Equal(new DateOnly(2026, 11, 19), range.Start);
        Assert.Equal(Today, range.End);
        Assert.Equal(7, range.Days);
    }

    [Fact]
    public void Parse_DefaultDaysArgument_IsUsedWhenDaysAbsent()
    {
        var range = DateRangeParser.Parse(Query([]), 30, Today);

        Assert.Equal(new DateOnly(2026, 10, 27), range.Start);
        Assert.Equal(30, range.Days);
    }

    [Fact]
    public void Parse_DaysOne_GivesTodayOnly()
    {
        var range = Parse(new() { ["days"] = ["1"] });

        Assert.Equal(Today, range.Start);
        Assert.Equal(Today, range.End);
        Assert.Equal(1, range.Days);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("30", 30)]
    [InlineData("007", 7)]
    [InlineData("3650", 3650)]
    public void Parse_ValidDays_GivesThatManyDaysEndingToday(string days, int expected)
    {
        var range = Parse(new() { ["days"] = [days] });

        Assert.Equal(expected, range.Days);
        Assert.Equal(Today, range.End);
        Assert.Equal(Today.AddDays(1 - expected), range.Start);
    }

    [Fact]
    public void Parse_StartAndEndDate_GivesExactlyThoseDaysInclusive()
    {
        var range = Parse(new() { ["start_date"] = ["2026-02-27"], ["end_date"] = ["2026-03-02"] });

        Assert.Equal(new DateOnly(2026, 2, 27), range.Start);
        Assert.Equal(new DateOnly(2026, 3, 2), range.End);
        Assert.Equal(4, range.Days);
    }

    [Fact]
    public void Parse_SameStartAndEndDate_GivesOneDay()
    {
        var range = Parse(new() { ["start_date"] = ["2024-02-29"], ["end_date"] = ["2024-02-29"] });

        Assert.Equal(1, range.Days);
    }

    [Fact]
    public void Parse_DatesInTheFuture_AreAcceptedWhenBothGiven()
    {
        var range = Parse(new() { ["start_date"] = ["2027-01-01"], ["end_date"] = ["2027-01-03"] });

        Assert.Equal(new DateOnly(2027, 1, 1), range.Start);
        Assert.Equal(3, range.Days);
    }

    [Fact]
    public void Parse_BothDatesAndDays_DatesWin()
    {
        var range = Parse(new() { ["days"] = ["2"], ["start_date"] = ["2026-01-01"], ["end_date"] = ["2026-01-10"] });

        Assert.Equal(new DateOnly(2026, 1, 1), range.Start);
        Assert.Equal(new DateOnly(2026, 1, 10), range.End);
        Assert.Equal(10, range.Days);
    }

    [Fact]
    public void Parse_OnlyEndDateWithDays_GivesDaysEndingThere()
    {
        var range = Parse(new() { ["days"] = ["3"], ["end_date"] = ["2026-03-01"] });

        Assert.Equal(new DateOnly(2026, 2, 27), range.Start);
        Assert.Equal(new DateOnly(2026, 3, 1), range.End);
        Assert.Equal(3, range.Days);
    }

    [Fact]
    public void Parse_OnlyEndDate_GivesDefaultDaysEndingThere()
    {
        var range = Parse(new() { ["end_date"] = ["2026-03-10"] });

        Assert.Equal(new DateOnly(2026, 3, 4), range.Start);
        Assert.Equal(7, range.Days);
    }

    [Fact]
    public void Parse_OnlyStartDate_GivesStartUntilToday()
    {
        var range = Parse(new() { ["start_date"] = ["2026-11-01"] });

        Assert.Equal(new DateOnly(2026, 11, 1), range.Start);
        Assert.Equal(Today, range.End);
        Assert.Equal(25, range.Days);
    }

    [Fact]
    public void Parse_OnlyStartDateToday_GivesOneDay()
    {
        var range = Parse(new() { ["start_date"] = ["2026-11-25"] });

        Assert.Equal(1, range.Days);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("3651")]
    [InlineData("99999")]
    [InlineData("99999999999999999999")]
    [InlineData("７")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData(null)]
    public void Parse_BadDays_RefusesDays(string? days)
    {
        var exception = Refused(new() { ["days"] = [days] });

        Assert.Equal("days", exception.Parameter);
        Assert.Contains("days", exception.Message);
    }

    [Fact]
    public void Parse_DaysRepeated_RefusesDays()
    {
        var exception = Refused(new() { ["days"] = ["7", "7"] });

        Assert.Equal("days", exception.Parameter);
        Assert.Contains("days", exception.Message);
    }

    [Fact]
    public void Parse_BadDaysWithValidDates_StillRefusesDays()
    {
        var exception = Refused(new() { ["days"] = ["0"], ["start_date"] = ["2026-01-01"], ["end_date"] = ["2026-01-10"] });

        Assert.Equal("days", exception.Parameter);
    }

    [Theory]
    [InlineData("2024-13-40")]
    [InlineData("2024-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("20240101")]
    [InlineData("2024-1-1")]
    [InlineData("")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData(" 2024-01-01")]
    [InlineData("01/02/2024")]
    [InlineData("2024-01-01Z")]
    [InlineData("yesterday")]
    public void Parse_MalformedStartDate_RefusesStartDate(string value)
    {
        var exception = Refused(new() { ["start_date"] = [value], ["end_date"] = ["2026-11-20"] });

        Assert.Equal("start_date", exception.Parameter);
        Assert.Contains("start_date", exception.Message);
    }

    [Theory]
    [InlineData("2024-13-40")]
    [InlineData("2024-02-30")]
    [InlineData("20240101")]
    [InlineData("2024-1-1")]
    [InlineData("")]
    [InlineData("2024-01-01T00:00:00")]
    public void Parse_MalformedEndDate_RefusesEndDate(string value)
    {
        var exception = Refused(new() { ["start_date"] = ["2024-01-01"], ["end_date"] = [value] });

        Assert.Equal("end_date", exception.Parameter);
        Assert.Contains("end_date", exception.Message);
    }

    [Fact]
    public void Parse_MalformedEndDateAlone_RefusesEndDate()
    {
        var exception = Refused(new() { ["end_date"] = ["2024-02-30"] });

        Assert.Equal("end_date", exception.Parameter);
    }

    [Fact]
    public void Parse_EndDateBeforeStartDate_RefusesEndDate()
    {
        var exception = Refused(new() { ["start_date"] = ["2026-03-10"], ["end_date"] = ["2026-03-09"] });

        Assert.Equal("end_date", exception.Parameter);
        Assert.Contains("end_date", exception.Message);
    }

    [Fact]
    public void Parse_StartDateAfterTodayWithoutEndDate_RefusesStartDate()
    {
        var exception = Refused(new() { ["start_date"] = ["2026-11-26"] });

        Assert.Equal("start_date", exception.Parameter);
        Assert.Contains("start_date", exception.Message);
    }

    [Fact]
    public void Parse_RangeLongerThanMaximum_RefusesRange()
    {
        var exception = Refused(new() { ["start_date"] = ["2010-01-01"], ["end_date"] = ["2026-01-01"] });

        Assert.Equal("start_date", exception.Parameter);
        Assert.Contains("3650", exception.Message);
    }

    [Fact]
    public void Parse_StartDateOnlyTooLongAgo_RefusesStartDate()
    {
        var exception = Refused(new() { ["start_date"] = ["2000-01-01"] });

        Assert.Equal("start_date", exception.Parameter);
    }

    [Fact]
    public void Parse_RangeOfExactlyMaximum_IsAccepted()
    {
        var start = new DateOnly(2016, 1, 1);
        var end = start.AddDays(DateRange.MaxDays - 1);

        var range = Parse(new() { ["start_date"] = [start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], ["end_date"] = [end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] });

        Assert.Equal(3650, range.Days);
    }

    [Fact]
    public void Parse_RangeOneDayOverMaximum_IsRefused()
    {
        var start = new DateOnly(2016, 1, 1);
        var end = start.AddDays(DateRange.MaxDays);

        var exception = Refused(new() { ["start_date"] = [start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], ["end_date"] = [end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] });

        Assert.Equal("start_date", exception.Parameter);
    }

    [Fact]
    public void Parse_StartDateRepeated_RefusesStartDate()
    {
        var exception = Refused(new() { ["start_date"] = ["2026-01-01", "2026-01-02"], ["end_date"] = ["2026-01-10"] });

        Assert.Equal("start_date", exception.Parameter);
        Assert.Contains("start_date", exception.Message);
    }

    [Fact]
    public void Parse_EndDateRepeated_RefusesEndDate()
    {
        var exception = Refused(new() { ["end_date"] = ["2026-01-10", "2026-01-10"] });

        Assert.Equal("end_date", exception.Parameter);
    }

    [Fact]
    public void Parse_VeryLongBadValue_MessageIsShortened()
    {
        var value = new string('x', 5000);

        var exception = Refused(new() { ["days"] = [value] });

        Assert.True(exception.Message.Length < 200, $"message is {exception.Message.Length} characters");
    }

    [Fact]
    public void Parse_EndDateNearEarliestDate_RefusesInsteadOfCrashing()
    {
        var exception = Record.Exception(() => Parse(new() { ["end_date"] = ["0001-01-03"] }));

        var refused = Assert.IsType<InvalidQueryParameterException>(exception);
        Assert.Equal("end_date", refused.Parameter);
    }

    [Theory]
    [InlineData("start_date", "9999-12-30")]
    [InlineData("end_date", "9999-12-31")]
    [InlineData("start_date", "1969-12-31")]
    [InlineData("end_date", "3000-01-01")]
    public void Parse_DateOutsideSupportedYears_RefusesNamingIt(string parameter, string value)
    {
        var refused = Assert.IsType<InvalidQueryParameterException>(Record.Exception(() => Parse(new() { [parameter] = [value] })));

        Assert.Equal(parameter, refused.Parameter);
    }
}

public sealed class DateRangeTests
{
    [Fact]
    public void From_IsMidnightUtcOfStart()
    {
        var range = new DateRange(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10));

        Assert.Equal(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc), range.From);
        Assert.Equal(DateTimeKind.Utc, range.From.Kind);
    }

    [Fact]
    public void Until_IsMidnightUtcAfterEnd()
    {
        var range = new DateRange(new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 28));

        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), range.Until);
        Assert.Equal(DateTimeKind.Utc, range.Until.Kind);
    }

    [Theory]
    [InlineData(1, "2026-11-25")]
    [InlineData(7, "2026-11-19")]
    [InlineData(30, "2026-10-27")]
    [InlineData(366, "2025-11-25")]
    public void LastDays_GivesDaysEndingOnToday(int days, string expectedStart)
    {
        var today = new DateOnly(2026, 11, 25);

        var range = DateRange.LastDays(days, today);

        Assert.Equal(DateOnly.Parse(expectedStart, CultureInfo.InvariantCulture), range.Start);
        Assert.Equal(today, range.End);
        Assert.Equal(days, range.Days);
    }

    [Theory]
    [InlineData("2024-02-28", "2024-03-01", 3)]
    [InlineData("2023-02-28", "2023-03-01", 2)]
    [InlineData("2025-12-31", "2026-01-01", 2)]
    public void Days_CountsBothEnds(string start, string end, int expected)
    {
        var range = new DateRange(
            DateOnly.Parse(start, CultureInfo.InvariantCulture),
            DateOnly.Parse(end, CultureInfo.InvariantCulture));

        Assert.Equal(expected, range.Days);
    }
}
