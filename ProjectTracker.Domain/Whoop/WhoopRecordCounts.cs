namespace ProjectTracker.Domain.Whoop;

public sealed record WhoopRecordCounts(int Recovery, int Sleep, int Workouts, int Cycles)
{
    public int Total => Recovery + Sleep + Workouts + Cycles;
}
