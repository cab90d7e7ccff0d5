using Microsoft.Playwright;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>
/// Debian's chromium, which CI installs with apt. Playwright's own browser downloads are never used. A missing browser
/// fails the tests with a message saying how to install it: CI must run them, so they never skip.
/// </summary>
public static class Chromium
{
    // One headless chromium per test run, launched by the first fixture that asks: each fixture and test opens its own
    // contexts in it. It ends with the test process (Playwright's driver closes it when the process's pipe to it closes).
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    /// <summary>Overrides the browser's path, e.g. for a machine where chromium lives elsewhere.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>The run's one headless chromium (fixtures never dispose it).</summary>
    public static Task<IBrowser> SharedAsync() => Shared.Value;

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need chromium at {path}, which does not exist. Install it with "
                + $"`apt-get install -y --no-install-recommends chromium` (as .ci/run does) or set {PathVariable}. "
                + "Never run `playwright install`.");
        }

        return path;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Locate(), Headless = true, Args = Arguments });
    }
}
