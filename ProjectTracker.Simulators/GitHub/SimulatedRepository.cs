namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// A repository as the simulator serves it. Set it up in <see cref="GitHubSimulatorState.AddRepository"/>'s
/// <c>configure</c>; once added, change it through the state (<see cref="GitHubSimulatorState.UpdateRepository"/>,
/// <see cref="GitHubSimulatorState.AddCommit(SimulatedRepository, NewCommit)"/>) so requests in flight see whole changes.
/// </summary>
public sealed class SimulatedRepository
{
    private readonly List<SimulatedCommit> _commits = [];

    public required long Id { get; init; }
    public required string Name { get; set; }

    /// <summary>The owner's login: the simulated user's own, or someone else's (a repository the user collaborates on).</summary>
    public required string Owner { get; init; }

    public bool Private { get; set; }
    public bool Fork { get; set; }
    public bool Archived { get; set; }
    public string DefaultBranch { get; set; } = "main";
    public string? Description { get; set; }

    /// <summary>GitHub's <c>size</c>, in KB.</summary>
    public int SizeKb { get; set; }

    public int Stars { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime PushedAt { get; set; }

    /// <summary>Language name → bytes, GitHub's <c>/languages</c>.</summary>
    public Dictionary<string, long> Languages { get; } = [];

    /// <summary>GitHub's <c>language</c>; by default the language with the most bytes.</summary>
    public string? Language
    {
        get => field ?? Languages.OrderByDescending(l => l.Value).Select(l => l.Key).FirstOrDefault();
        set;
    }

    /// <summary>[week start (unix seconds, a Sunday), additions, deletions (negative)] — GitHub's code_frequency rows.</summary>
    public List<long[]> CodeFrequency { get; } = [];

    /// <summary>How many more times code_frequency answers 202 ("being computed") before it answers 200.</summary>
    public int StatisticsComputingResponses { get; set; }

    /// <summary>code_frequency answers 422, as GitHub does for repositories with 10,000+ commits.</summary>
    public bool StatisticsUnavailable { get; set; }

    /// <summary>Commits on the default branch in the order they were added; served newest first.</summary>
    public IReadOnlyList<SimulatedCommit> Commits => _commits;

    internal void Add(SimulatedCommit commit) => _commits.Add(commit);

    public string FullName => $"{Owner}/{Name}";
}
