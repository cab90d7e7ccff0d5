namespace ProjectTracker.Domain.Time;

/// <summary>An inclusive range of the athlete's local calendar days.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public const int MaxDays = 3650;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Midnight starting <see cref="Start"/>, as stored in the <c>date</c> columns.</summary>
    public DateTime From => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Midnight after <see cref="End"/> (exclusive).</summary>
    public DateTime Until => End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateRange LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);
}
