using ProjectTracker.Domain.Insights;

namespace ProjectTracker.Web.Days;

// The JSON answers of /api/tags, /api/days and /api/insights/tags (decision 0008: one file per endpoint group).

public sealed record TagJson(string Name, string Source, int YesDays, int NoDays);

public sealed record TagNameJson(string? Name);

public sealed record DayTagJson(string Name, string Source, string Answer, string? Note);

public sealed record DayJson(
    DateOnly Date, double? Recovery, double? Hrv, double? RestingHeartRate, double? SleepHours, double? Strain, int? Commits, double? CodingHours,
    IReadOnlyList<DayTagJson> Tags);

public sealed record TagEffectJson(
    string Tag, string Source, string Measure, int Lag, int NWith, int NWithout, double? MeanWith, double? MeanWithout, double? Difference,
    double? CiLow, double? CiHigh, double? P, double? Q, string Sentence)
{
    public static TagEffectJson From(TagEffect e) => new(
        e.Tag, e.Source, e.Measure, e.Lag, e.NWith, e.NWithout, R(e.MeanWith), R(e.MeanWithout), R(e.Difference), R(e.CiLow), R(e.CiHigh), e.P, e.Q, e.Sentence);

    private static double? R(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
