namespace ProjectTracker.Domain.Whoop;

/// <summary>The newest day stored of each kind of WHOOP record; null when none is stored.</summary>
public sealed record WhoopLatestDays(DateTime? Recovery, DateTime? Sleep, DateTime? Cycle);
