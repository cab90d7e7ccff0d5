using System.Globalization;

namespace ProjectTracker.Web.Tests.Startup;

/// <summary>
/// Where the app listens: ASP.NET Core's own <c>ASPNETCORE_URLS</c> and <c>--urls</c> are honoured as given (nothing in
/// the app or its launch profile overrides them); <c>PORT</c> means every interface (its own test is in
/// <see cref="StartupProcessTests"/>).
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Start_AspNetCoreUrls_ListensThere()
    {
        var url = $"http://127.0.0.1:{Text(AppProcess.FreePort())}";
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url });

        await app.WaitUntilListeningAsync();

        Assert.Contains($"Now listening on: {url}", app.Output);
    }

    [Fact]
    public async Task Start_UrlsArgument_ListensThere()
    {
        var url = $"http://127.0.0.1:{Text(AppProcess.FreePort())}";
        await using var app = AppProcess.Start(new Dictionary<string, string>(), arguments: ["--urls", url]);

        await app.WaitUntilListeningAsync();

        Assert.Contains($"Now listening on: {url}", app.Output);
    }

    [Fact]
    public void LaunchProfile_SetsNoAddress_SoTheVariablesWin()
    {
        var profile = RepositoryFiles.Read("ProjectTracker.Web", "Properties", "launchSettings.json");

        // `dotnet run` turns a profile's applicationUrl into ASPNETCORE_URLS, replacing the one the user set.
        Assert.DoesNotContain("applicationUrl", profile);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
