using Microsoft.Playwright;

namespace ProjectTracker.Web.Tests.Browser;

/// <summary>The two window sizes every page must fit: a common laptop and a common phone.</summary>
public static class Viewports
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
