using System.ComponentModel.DataAnnotations;
using ProjectTracker.Domain.Configuration;

namespace ProjectTracker.Domain.GitHub;

/// <summary>Settings of section <c>GitHub</c>; the token also comes from the old <c>GITHUB_ACCESS_TOKEN</c>.</summary>
public sealed class GitHubOptions : IValidatableObject
{
    public const string Section = "GitHub";

    [HttpUrl]
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");
    public string? AccessToken { get; set; }

    [Range(1, 24 * 60, ErrorMessage = SettingMessages.WholeNumber)]
    public int SessionGapMinutes { get; set; } = 120;

    [Range(0, 24 * 60, ErrorMessage = SettingMessages.WholeNumber)]
    public int SessionStartMinutes { get; set; } = 120;
    public bool IncludeForks { get; set; }

    /// <summary>Archived repositories are projects too (a finished project), marked <c>archived</c>; false leaves them out.</summary>
    public bool IncludeArchived { get; set; } = true;

    /// <summary>Repository names or <c>owner/name</c>s that are never projects.</summary>
    public string[] Exclude { get; set; } = [];

    /// <summary>GitHub's <c>affiliation</c> values of the repository listing; none means all three.</summary>
    public string[] Affiliation { get; set; } = [];
    public static readonly string[] AffiliationValues = ["owner", "collaborator", "organization_member"];

    /// <summary>The listing's <c>affiliation</c> parameter: the values given, lower case, each once.</summary>
    public string AffiliationParameter => string.Join(',',
        Affiliation.Length == 0 ? AffiliationValues : Affiliation.Select(value => value.ToLowerInvariant()).Distinct());

    /// <summary>Author emails that are the account's besides its verified ones (an old laptop's address not linked to GitHub).</summary>
    public string[] AuthorEmails { get; set; } = [];

    /// <summary>
    /// Repositories refreshed at once, each with up to three requests in flight: at most 24 concurrent requests by default,
    /// well inside GitHub's guidance (no more than 100 concurrent requests).
    /// </summary>
    [Range(1, 32, ErrorMessage = SettingMessages.WholeNumber)]
    public int MaxParallelRepositories { get; set; } = 8;

    /// <summary>First wait before asking again for statistics GitHub is still computing (202); doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Duration)]
    public TimeSpan StatisticsRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 20, ErrorMessage = SettingMessages.WholeNumber)]
    public int StatisticsAttempts { get; set; } = 6;

    /// <summary>First wait before retrying a failed request (5xx, timeout); doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Duration)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10, ErrorMessage = SettingMessages.WholeNumber)]
    public int RequestAttempts { get; set; } = 3;

    /// <summary>How long one request may take before it counts as failed (and is retried): GitHub answers in well under a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Timeout)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a job waits for GitHub's rate limit to reset before it fails, keeping what it has.</summary>
    [Range(typeof(TimeSpan), "00:00:00", SettingMessages.LongestDuration, ErrorMessage = SettingMessages.Duration)]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Cron expression of the recurring refresh (daily at 04:00 UTC, as the old app refreshed daily).</summary>
    public string RefreshSchedule { get; set; } = "0 4 * * *";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Affiliation.FirstOrDefault(value => !AffiliationValues.Contains(value, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            yield return new ValidationResult(
                $"must be a comma-separated list of {string.Join(", ", AffiliationValues)}; got '{unknown}'", [nameof(Affiliation)]);
        }
    }
}
