namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The app as a newcomer first starts it: an empty database, no GitHub token, no WHOOP app, not the demo.</summary>
public sealed class UnconfiguredBrowserApp : BrowserApp
{
    public const string Collection = "Browser: unconfigured app";

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

[CollectionDefinition(UnconfiguredBrowserApp.Collection)]
public sealed class UnconfiguredBrowserCollection : ICollectionFixture<UnconfiguredBrowserApp>;
