namespace ProjectTracker.Web.Demo;

/// <summary>Section <c>Demo</c>: <c>Demo:Enabled</c> (also the <c>--demo</c> switch) fills the app with simulated data.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}
