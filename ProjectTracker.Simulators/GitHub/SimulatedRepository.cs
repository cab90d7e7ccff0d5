namespace ProjectTracker.Simulators.GitHub;

/// <summary>A repository as the simulator serves it. Mutate it only through <see cref="GitHubSimulatorState"/>.</summary>
public sealed class SimulatedRepository
{
    public required long Id { get; init; }
    public required string Name { get; set; }
    public required string Owner { get; init; }
    public bool Fork { get; set; }
    public bool Archived { get; set; }
    public string DefaultBranch { get; set; } = "main";
    public string? Description { get; set; }
    public int SizeKb { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime PushedAt { get; set; }
    public Dictionary<string, long> Languages { get; } = [];

    /// <summary>Commits on the default branch, any order; served newest first.</summary>
    public List<SimulatedCommit> Commits { get; } = [];

    /// <summary>[week start (unix seconds), additions, deletions (negative)] — GitHub's code_frequency rows.</summary>
    public List<long[]> CodeFrequency { get; } = [];

    /// <summary>How many more times code_frequency answers 202 ("being computed") before it answers 200.</summary>
    public int StatisticsComputingResponses { get; set; }

    /// <summary>code_frequency answers 422, as GitHub does for repositories with 10,000+ commits.</summary>
    public bool StatisticsUnavailable { get; set; }

    public string? PrimaryLanguage => Languages.OrderByDescending(l => l.Value).Select(l => l.Key).FirstOrDefault();
}

public sealed record SimulatedCommit(string Sha, string? AuthorLogin, DateTime AuthoredAt, DateTime CommittedAt, string Message);
