using System.Net;
using Bunit;
using ProjectTracker.Domain.GitHub;
using ProjectTracker.Web.Access;
using ProjectTracker.Web.GitHub.Components;
using ProjectTracker.Web.Whoop;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>Hiding and deleting a gone project destroys history: offered to the owner, or on an unconfigured install to the local machine only.</summary>
public sealed class GoneProjectsTests
{
    [Theory]
    [InlineData("203.0.113.9")] // another machine
    [InlineData(null)] // an address nobody knows
    public async Task Unconfigured_VisitorFromElsewhere_GetsNoButtonsButSaysHow(string? address)
    {
        await using var context = new DashboardTestContext(client: address is null ? null : IPAddress.Parse(address));
        await SeedGoneAsync(context);

        var page = context.Render<GitHubDashboard>();

        page.WaitForElement("[data-testid=gone-project]");
        Assert.Empty(page.FindAll("[data-testid=hide-project]"));
        Assert.Empty(page.FindAll("[data-testid=delete-project]"));
        Assert.Contains("machine the app runs on", page.Find("[data-testid=gone-projects-owner-only]").TextContent);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Unconfigured_LocalMachine_CanHideAndDelete(string address)
    {
        await using var context = new DashboardTestContext(client: IPAddress.Parse(address));
        var goneId = await SeedGoneAsync(context);

        var page = context.Render<GitHubDashboard>();

        page.WaitForElement("[data-testid=hide-project]");
        Assert.Empty(page.FindAll("[data-testid=gone-projects-owner-only]"));
        page.Find("[data-testid=delete-project]").Click();
        page.Find("[data-testid=confirm-delete-project]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=gone-project]")));
        Assert.Null(await context.FindProjectAsync(goneId));
    }

    [Fact]
    public async Task ApiKeySet_LocalMachineAnonymous_GetsNoButtons_TheOwnerDoes()
    {
        var access = new AccessOptions { ApiKey = "k3y-for-tests-0123456789abcdef" };
        await using (var anonymous = new DashboardTestContext(access: access, client: IPAddress.Loopback))
        {
            await SeedGoneAsync(anonymous);
            var page = anonymous.Render<GitHubDashboard>();
            page.WaitForElement("[data-testid=gone-project]");
            Assert.Empty(page.FindAll("[data-testid=hide-project]"));
            Assert.Contains("sign in with WHOOP", page.Find("[data-testid=gone-projects-owner-only]").TextContent);
        }

        await using var owner = new DashboardTestContext(access: access, client: IPAddress.Parse("203.0.113.9"));
        await SeedGoneAsync(owner);
        owner.Authorization.SetAuthorized("owner");
        owner.Authorization.SetClaims(new System.Security.Claims.Claim(WhoopLogin.UserIdClaim, "10129"));
        var ownerPage = owner.Render<GitHubDashboard>();
        ownerPage.WaitForElement("[data-testid=hide-project]");
    }

    private static async Task<int> SeedGoneAsync(DashboardTestContext context)
    {
        var id = 0;
        await context.SeedAsync(async db =>
        {
            await GitHubDashboardTests.SeedProjectsAsync(db, ("alpha", "C#", 10, false));
            var gone = new Project { Name = "vanished", CommitCount = 3, GoneAt = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), GoneReason = "deleted on GitHub" };
            db.Projects.Add(gone);
            await db.SaveChangesAsync();
            id = gone.Id;
        });
        return id;
    }
}
