namespace ProjectTracker.Web.Configuration;

public static class OwnerExtensions
{
    /// <summary>
    /// Section <c>Owner</c>, bound once for the features that read it: the timesheet's calendar, the owner rule of
    /// access, and who may claim the app at WHOOP sign-in.
    /// </summary>
    public static WebApplicationBuilder AddOwner(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<OwnerOptions>(OwnerOptions.Section);
        return builder;
    }
}
