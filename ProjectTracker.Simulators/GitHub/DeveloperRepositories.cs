namespace ProjectTracker.Simulators.GitHub;

/// <summary>
/// The repositories of <see cref="DeveloperYearGenerator"/>'s one developer: two-word names from two word lists, each
/// word used once; a language with a description written for it (a Rust repository is a fast CLI, a Kotlin one an Android
/// app), naming the language, as a person's own README line would.
/// </summary>
internal static class DeveloperRepositories
{
    private static readonly string[] FirstWords = ["amber", "quiet", "copper", "north", "paper", "lunar", "cedar", "velvet", "rapid", "hollow", "silver", "tidy", "brisk", "misty"];
    private static readonly string[] SecondWords = ["ledger", "harbor", "lantern", "compass", "garden", "beacon", "atlas", "sparrow", "kettle", "meadow", "signal", "orchard", "anchor", "pebble"];

    private static readonly string[] Topics =
    [
        "household budgets", "photo archives", "home-lab metrics", "reading lists", "bike rides", "recipes", "plant watering",
        "board-game scores", "podcast feeds", "invoices", "garden sensors", "running logs", "band rehearsals", "train delays",
    ];

    /// <summary>By language: how a person describes a repository in it (<c>{0}</c> is the topic), and its small second language.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Descriptions, string Secondary)> Languages =
        new Dictionary<string, (string[], string)>
        {
            ["Rust"] = (["A fast command-line tool in Rust for {0}", "A small Rust daemon that watches {0}"], "Shell"),
            ["Go"] = (["A small Go service that serves {0} over HTTP", "A Go command-line tool that syncs {0}"], "Makefile"),
            ["Python"] = (["Python scripts that clean up and chart {0}", "A Python package for importing {0} from CSV"], "Jupyter Notebook"),
            ["TypeScript"] = (["A TypeScript web app for keeping track of {0}", "A TypeScript browser extension for {0}"], "CSS"),
            ["JavaScript"] = (["A JavaScript (Node) bot that posts {0} to a chat", "A JavaScript bookmarklet for {0}"], "HTML"),
            ["C#"] = (["An ASP.NET Core API in C# for {0}", "A C# library for parsing {0}"], "PowerShell"),
            ["Kotlin"] = (["An Android app in Kotlin for {0}"], "Java"),
            ["Shell"] = (["Shell scripts that back up {0} to a NAS"], "Dockerfile"),
        };

    // The developer's languages, most used first; twelve repositories take them in this order, shuffled.
    private static readonly string[] LanguageMix = ["C#", "TypeScript", "Python", "Go", "C#", "TypeScript", "Rust", "Python", "Shell", "JavaScript", "Kotlin", "Go"];

    public static List<SimulatedRepository> Create(GitHubSimulatorState state, Random random, int count)
    {
        var first = Shuffled(FirstWords, random);
        var second = Shuffled(SecondWords, random);
        var topics = Shuffled(Topics, random);
        var languages = Shuffled(LanguageMix, random);
        var repositories = new List<SimulatedRepository>(count);
        for (var i = 0; i < count; i++)
        {
            var language = languages[i % languages.Length];
            var (descriptions, secondary) = Languages[language];
            repositories.Add(state.AddRepository($"{first[i]}-{second[i]}", configure: r =>
            {
                r.Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptions[random.Next(descriptions.Length)], topics[i % topics.Length]);
                var main = random.Next(20_000, 600_000);
                r.Languages[language] = main;
                r.Languages[secondary] = main * random.Next(2, 12) / 100;
                r.SizeKb = (int)(r.Languages.Values.Sum() / 1024 * (1.5 + random.NextDouble()));
            }));
        }

        return repositories;
    }

    private static string[] Shuffled(string[] items, Random random)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return copy;
    }
}
