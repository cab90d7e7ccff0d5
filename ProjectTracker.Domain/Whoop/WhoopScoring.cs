using System.Linq.Expressions;
using ProjectTracker.Domain.Whoop.Api;

namespace ProjectTracker.Domain.Whoop;

/// <summary>
/// Which records count for "latest" and in averages and totals. WHOOP scores a record minutes to hours after it ends
/// (<c>PENDING_SCORE</c>) and some never (<c>UNSCORABLE</c>): such records are listed with their <c>score_state</c> but
/// measured nothing, so they are neither "the latest" nor a 0 in an average. Rows the old app wrote carry no score
/// state and count when they hold the value. The expressions run in the database; the functions on loaded rows.
/// </summary>
public static class WhoopScoring
{
    public static readonly Expression<Func<WhoopRecovery, bool>> ScoredRecovery =
        r => r.RecoveryScore != null && (r.ScoreState == null || r.ScoreState == WhoopScoreState.Scored);

    public static readonly Expression<Func<WhoopSleep, bool>> ScoredSleep =
        s => s.TotalSleepHours != null && (s.ScoreState == null || s.ScoreState == WhoopScoreState.Scored);

    public static readonly Expression<Func<WhoopWorkout, bool>> ScoredWorkout =
        w => w.Strain != null && (w.ScoreState == null || w.ScoreState == WhoopScoreState.Scored);

    public static readonly Expression<Func<WhoopCycle, bool>> ScoredCycle =
        c => c.Strain != null && (c.ScoreState == null || c.ScoreState == WhoopScoreState.Scored);

    private static readonly Func<WhoopRecovery, bool> RecoveryIsScored = ScoredRecovery.Compile();
    private static readonly Func<WhoopSleep, bool> SleepIsScored = ScoredSleep.Compile();
    private static readonly Func<WhoopWorkout, bool> WorkoutIsScored = ScoredWorkout.Compile();
    private static readonly Func<WhoopCycle, bool> CycleIsScored = ScoredCycle.Compile();

    public static bool IsScored(this WhoopRecovery recovery) => RecoveryIsScored(recovery);

    public static bool IsScored(this WhoopSleep sleep) => SleepIsScored(sleep);

    public static bool IsScored(this WhoopWorkout workout) => WorkoutIsScored(workout);

    public static bool IsScored(this WhoopCycle cycle) => CycleIsScored(cycle);
}
