using ProjectTracker.Simulators.GitHub;

namespace ProjectTracker.Web.Tests.Scale;

internal static class SimulatedRepositories
{
    public const int CommitsEach = 3;

    /// <summary><paramref name="count"/> repositories (repo-01 …), each with three commits by the owner on two days.</summary>
    public static List<string> Add(GitHubSimulatorState simulator, int count)
    {
        var names = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var name = $"repo-{i:00}";
            var repository = simulator.AddRepository(name, configure: r => r.Languages["C#"] = 1000 * i);
            var day = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i);
            simulator.AddCommit(repository, day);
            simulator.AddCommit(repository, day.AddMinutes(30));
            simulator.AddCommit(repository, day.AddDays(1));
            repository.CodeFrequency.Add([new DateTimeOffset(day).ToUnixTimeSeconds(), 100 * i, -10 * i]);
            names.Add(name);
        }

        return names;
    }
}
