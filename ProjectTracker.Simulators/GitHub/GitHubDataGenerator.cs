namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// Fills the simulator with a realistic, deterministic (per seed) account: repositories in several languages, a few forks
/// and archived ones, commits over the past year in working sessions (minutes apart, days apart), some by other people,
/// and code-frequency weeks that follow the commits.
/// </summary>
public static class GitHubDataGenerator
{
    private static readonly string[] Languages = ["C#", "TypeScript", "Python", "Go", "Rust", "Java", "JavaScript", "Shell"];
    private static readonly string[] Words = ["tracker", "api", "dashboard", "cli", "parser", "bot", "sync", "lab", "kit", "engine", "notes", "site"];
    private static readonly string[] Collaborators = ["teammate-ana", "teammate-ben"];

    public static void Populate(GitHubSimulatorState state, int repositoryCount, int seed = 42)
    {
        var random = new Random(seed);
        var now = state.Time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < repositoryCount; i++)
        {
            var name = $"{Words[random.Next(Words.Length)]}-{Words[random.Next(Words.Length)]}-{i:D3}";
            var language = Languages[random.Next(Languages.Length)];
            var repository = state.AddRepository(name, configure: r =>
            {
                r.Description = $"A {language} project about {name.Split('-')[0]}s";
                r.Fork = random.NextDouble() < 0.08;
                r.Archived = !r.Fork && random.NextDouble() < 0.05;
                r.Languages[language] = random.Next(5_000, 900_000);
                if (random.NextDouble() < 0.6)
                {
                    r.Languages[Languages[random.Next(Languages.Length)]] = random.Next(500, 80_000);
                }

                r.SizeKb = (int)(r.Languages.Values.Sum() / 1024 * (1.5 + random.NextDouble()));
            });
            AddHistory(state, repository, random, now);
        }
    }

    private static void AddHistory(GitHubSimulatorState state, SimulatedRepository repository, Random random, DateTime now)
    {
        var sessions = random.Next(1, 40);
        var start = now.AddDays(-random.Next(30, 365));
        var weeks = new SortedDictionary<long, (long Additions, long Deletions)>();
        for (var s = 0; s < sessions; s++)
        {
            var day = start.AddDays(random.Next(0, Math.Max(1, (int)(now - start).TotalDays)));
            var time = day.Date.AddHours(random.Next(7, 23)).AddMinutes(random.Next(60));
            var commits = random.Next(1, 9);
            for (var c = 0; c < commits && time < now; c++)
            {
                var author = random.NextDouble() < 0.1 ? Collaborators[random.Next(Collaborators.Length)] : null;
                state.AddCommit(repository, time, author, $"Work on {repository.Name} ({s}.{c})");
                var week = WeekStart(time);
                var (additions, deletions) = weeks.GetValueOrDefault(week);
                weeks[week] = (additions + random.Next(5, 400), deletions + random.Next(0, 150));
                time = time.AddMinutes(random.Next(3, 90));
            }
        }

        foreach (var (week, (additions, deletions)) in weeks)
        {
            repository.CodeFrequency.Add([week, additions, -deletions]);
        }
    }

    internal static long WeekStart(DateTime time)
    {
        var sunday = time.Date.AddDays(-(int)time.DayOfWeek);
        return new DateTimeOffset(DateTime.SpecifyKind(sunday, DateTimeKind.Utc)).ToUnixTimeSeconds();
    }
}
