using ProjectTracker.Domain.GitHub;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class CommitActivityTests
{
    [Fact]
    public void Weekly_Days_SumsIntoMondayWeeksWithQuietWeeksAsZero()
    {
        DailyCommitCount[] days =
        [
            new(new DateOnly(2026, 3, 1), 2), // a Sunday: the week of Monday 2026-02-23
            new(new DateOnly(2026, 3, 2), 3), // Monday
            new(new DateOnly(2026, 3, 8), 4), // Sunday, same week
            new(new DateOnly(2026, 3, 23), 1),
        ];

        var weeks = CommitActivity.Weekly(days);

        Assert.Equal(
            [
                new WeeklyCommitCount(new DateOnly(2026, 2, 23), 2),
                new WeeklyCommitCount(new DateOnly(2026, 3, 2), 7),
                new WeeklyCommitCount(new DateOnly(2026, 3, 9), 0),
                new WeeklyCommitCount(new DateOnly(2026, 3, 16), 0),
                new WeeklyCommitCount(new DateOnly(2026, 3, 23), 1),
            ],
            weeks);
    }

    [Fact]
    public void Weekly_NoDays_IsEmpty() => Assert.Empty(CommitActivity.Weekly([]));
}
