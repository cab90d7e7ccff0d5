namespace ProjectTracker.Domain.Whoop.Sync;

public sealed record WhoopSyncResult(int Recovery, int Sleep, int Workouts, int Cycles)
{
    public int Total => Recovery + Sleep + Workouts + Cycles;
}
