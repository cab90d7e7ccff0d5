using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Goals;
using ProjectTracker.Web.Goals.Components;

namespace ProjectTracker.Web.Tests.Components;

/// <summary>The overview's goals: a hint while none are set, the form for the owner (the rule of PUT /api/goals), the how-to for others.</summary>
public sealed class GoalsCardTests
{
    [Fact]
    public async Task Owner_NoGoals_GetsTheHintAndTheForm_AndSavedGoalsShowThisWeek()
    {
        await using var context = new DashboardTestContext(client: IPAddress.Loopback);
        await context.SeedAsync();

        var card = context.Render<GoalsCard>();
        card.WaitForElement("[data-testid=goals-none]");
        Assert.Contains("Set a weekly coding, sleep or active-days goal below", card.Find("[data-testid=goals-none]").TextContent);
        card.Find("[data-testid=goals-coding]").Change("12.5");
        card.Find("[data-testid=goals-active-days]").Change("4");
        card.Find("[data-testid=goals-form]").Submit();

        card.WaitForAssertion(() => Assert.Equal(
            ["0.0 of 12.5 h coding", "0 of 4 active days"], card.FindAll("[data-testid=goal-line]").Select(l => l.TextContent)));
        Assert.Equal(new GoalTargets(12.5, null, 4), await Goals(context).GetAsync());
        Assert.Equal(["0", "0"], card.FindAll("[role=progressbar]").Select(b => b.GetAttribute("aria-valuenow")));
    }

    [Fact]
    public async Task Owner_TargetOutOfRange_SaysSoAndKeepsTheGoals()
    {
        await using var context = new DashboardTestContext(client: IPAddress.Loopback);
        await context.SeedAsync();
        await Goals(context).SetAsync(new GoalTargets(DailySleepHours: 8));

        var card = context.Render<GoalsCard>();
        card.WaitForElement("[data-testid=goals-form]");
        card.Find("[data-testid=goals-sleep]").Change("25");
        card.Find("[data-testid=goals-form]").Submit();

        card.WaitForAssertion(() => Assert.Equal("Sleep hours a night: 0 to 24, or empty for no goal.", card.Find("[data-testid=goals-error]").TextContent));
        Assert.Equal(new GoalTargets(DailySleepHours: 8), await Goals(context).GetAsync());
    }

    [Fact]
    public async Task Visitor_SeesTheGoalsButNoFormAndHowToBecomeTheOwner()
    {
        await using var context = new DashboardTestContext(client: IPAddress.Parse("203.0.113.9"));
        await context.SeedAsync();
        await Goals(context).SetAsync(new GoalTargets(WeeklyCodingHours: 20));

        var card = context.Render<GoalsCard>();

        card.WaitForElement("[data-testid=goal-line]");
        Assert.Equal("0.0 of 20 h coding", card.Find("[data-testid=goal-line]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=goals-form]"));
        Assert.Contains("Setting goals is for the owner", card.Find("[data-testid=goals-owner-only]").TextContent);
    }

    private static GoalService Goals(DashboardTestContext context) => context.Bunit.Services.GetRequiredService<GoalService>();
}
