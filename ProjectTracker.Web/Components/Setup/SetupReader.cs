using ProjectTracker.Domain.GitHub;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Demo;

namespace ProjectTracker.Web.Components.Setup;

public sealed class SetupReader(GitHubOptions github, WhoopOptions whoop, WhoopTokenService whoopTokens, DemoOptions demo)
{
    public async Task<SetupStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var connected = whoop.HasClientCredentials && (await whoopTokens.GetStateAsync(cancellationToken)).Connected;
        return new SetupStatus(demo.Enabled, github.IsConfigured, whoop.HasClientCredentials, connected);
    }
}
