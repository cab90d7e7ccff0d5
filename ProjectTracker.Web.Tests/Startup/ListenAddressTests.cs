using System.Globalization;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// Where the app listens: ASP.NET Core's own <c>ASPNETCORE_URLS</c> and <c>--urls</c> are honoured as given (nothing in
/// the app or its launch profile overrides them); <c>PORT</c> means every interface. <c>ASPNETCORE_URLS</c> and
/// <c>PORT</c> are environment variables, so a process shows them (<see cref="StartupProcessTests"/>); <c>--urls</c> runs
/// the entry point in the test process (<see cref="RunningStart"/>).
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Start_UrlsArgument_ListensThere()
    {
        var url = $"http://127.0.0.1:{AppProcess.FreePort().ToString(CultureInfo.InvariantCulture)}";

        await using var app = await RunningStart.ListeningAsync(new Dictionary<string, string> { ["urls"] = url });

        Assert.Contains($"Now listening on: {url}", app.Output);
    }

    [Fact]
    public void LaunchProfile_SetsNoAddress_SoTheVariablesWin()
    {
        var profile = RepositoryFiles.Read("ProjectTracker.Web", "Properties", "launchSettings.json");

        // `dotnet run` turns a profile's applicationUrl into ASPNETCORE_URLS, replacing the one the user set.
        Assert.DoesNotContain("applicationUrl", profile);
    }
}
