namespace ProjectTracker.Web.Demo;

/// <summary>Whether the app runs against its built-in simulators (<c>--demo</c> / <c>Demo:Enabled</c>).</summary>
public sealed record DemoInfo(bool Enabled);
