using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProjectTracker.Web.GitHub.Components;
using ProjectTracker.Web.Tests.Browser;
using ProjectTracker.Web.Tests.Timesheet;
using Xunit.Abstractions;

namespace ProjectTracker.Web.Tests.Security;

/// <summary>
/// The app after syncing hostile GitHub and WHOOP data (<see cref="HostileData"/>), checked as an attacker would hope it
/// fails: no injected element, handler, dialog or CSP violation on any page (hovering every readout too), no formula
/// cell in any CSV export, no URL that is not http(s) in any page or API field, and no circuit for another origin.
/// </summary>
[Collection(HostileBrowserApp.Collection)]
public sealed partial class HostileDataTests(HostileBrowserApp app, ITestOutputHelper output)
{
    // Records what the page itself could not stop: CSP refusals (which a policy-less frontend would have run) and any
    // payload that ran anyway.
    private const string Watch = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    // Elements and attributes no page of the app writes itself, but each payload would.
    private const string Inspect = """
        () => ({
          injected: [...document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick],[onfocus],iframe,img[src="x"],svg[onload],b')]
            .map(e => e.outerHTML.slice(0, 120)),
          scripts: [...document.scripts].filter(s => !s.src && /alert|constructor/.test(s.textContent)).map(s => s.outerHTML.slice(0, 120)),
          links: [...document.querySelectorAll('a[href],area[href],form[action],[src]')]
            .map(e => e.href || e.action || e.src).filter(u => !/^https?:/i.test(u)),
          violations: window.__violations,
        })
        """;

    [Fact]
    public void Refresh_StoredEveryHostileProject_AndWarnedOfEachScriptUrl()
    {
        Assert.Equal(HostileData.Names.Count() + 1, app.Projects.Count);
        Assert.All(HostileData.Names, payload => Assert.Contains(payload, app.Projects));
        Assert.Equal(HostileData.Names.Count(), Regex.Count(app.Log, "html_url that is not an http\\(s\\) address"));
    }

    [Fact]
    public async Task EveryPage_ShowsTheDataAsText_WithNothingInjectedOrRun()
    {
        await using var session = await app.OpenPageAsync(output, nameof(EveryPage_ShowsTheDataAsText_WithNothingInjectedOrRun), Viewports.Desktop);
        await session.Page.AddInitScriptAsync(Watch);
        var dialogs = new List<string>();
        session.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        var pages = new[] { "/", "/github", "/whoop", "/timesheet", "/insights", "/setup" }.Concat(app.Projects.Select(ProjectRows.Href));
        foreach (var path in pages)
        {
            await session.OpenAsync(path, $"hostile-{pages.ToList().IndexOf(path)}");
            await HoverEveryReadoutAsync(session.Page);
            var found = JsonNode.Parse((await session.Page.EvaluateAsync<System.Text.Json.JsonElement>(Inspect)).GetRawText())!;

            Assert.True(found["injected"]!.AsArray().Count == 0, $"{path}: injected elements {found["injected"]}");
            Assert.True(found["scripts"]!.AsArray().Count == 0, $"{path}: injected scripts {found["scripts"]}");
            Assert.True(found["links"]!.AsArray().Count == 0, $"{path}: links that are not http(s) {found["links"]}");
            Assert.True(found["violations"]!.AsArray().Count == 0, $"{path}: CSP violations {found["violations"]}");
        }

        // The payloads arrived as text, where they were meant to be shown.
        await session.OpenAsync("/github", "hostile-github-again");
        await Assertions.Expect(session.Page.GetByText(HostileData.Markup[0]).First).ToBeAttachedAsync();
        Assert.Empty(dialogs);
        session.AssertNoErrors();
    }

    public static TheoryData<string> Exports => ["projects", "commits", "timesheet", "recovery", "sleep", "workouts", "cycles"];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task EveryExport_HasNoFormulaCell(string dataset)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var text = await http.GetStringAsync($"/api/export/{dataset}.csv{(dataset == "projects" ? "" : "?days=3650")}");
        var cells = CsvReader.Parse(text).Skip(1).SelectMany(record => record).ToList();

        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.False(
            cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) && !JsonNumber().IsMatch(cell), $"{dataset}.csv has a formula cell: {cell}"));
        if (dataset is "projects" or "commits" or "timesheet" or "workouts")
        {
            // The hostile names are there, as text a spreadsheet shows.
            Assert.Contains(cells, cell => cell.StartsWith("'=", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/api/github/projects")]
    [InlineData("/api/projects")]
    [InlineData("/api/whoop/profile")]
    [InlineData("/api/whoop/status")]
    [InlineData("/api/whoop/workouts?days=3650")]
    [InlineData("/api/github/timesheet?days=3650")]
    public async Task EveryUrlField_IsHttpOrNone(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var json = await http.GetFromJsonAsync<JsonNode>(path);

        var urls = UrlFields(json).ToList();

        Assert.All(urls, field => Assert.True(
            field.Value is null || Regex.IsMatch(field.Value, "^(https?://|/[^/])", RegexOptions.IgnoreCase), $"{path}: {field.Name} = {field.Value}"));
        if (path == "/api/github/projects")
        {
            Assert.Equal(HostileData.Names.Count(), urls.Count(u => u.Value is null));
        }
    }

    [Fact]
    public async Task Circuit_FromAnotherOrigin_IsRefused_FromItsOwnOpens()
    {
        var hub = new Uri(app.BaseAddress, "/_blazor").ToString().Replace("http", "ws");

        var refused = await ConnectAsync("https://evil.example");
        var own = await ConnectAsync(app.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.NotEqual(HttpStatusCode.Forbidden, own); // past the origin check (the hub itself wants a negotiated id)

        async Task<HttpStatusCode> ConnectAsync(string origin)
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Origin", origin);
            socket.Options.CollectHttpResponseDetails = true;
            try
            {
                await socket.ConnectAsync(new Uri(hub), CancellationToken.None);
                return HttpStatusCode.SwitchingProtocols;
            }
            catch (WebSocketException)
            {
                return socket.HttpStatusCode;
            }
        }
    }

    // Each chart's readout writes the pointed-at mark's text: hover them all, so that text is on the page when it is inspected.
    private static async Task HoverEveryReadoutAsync(IPage page)
    {
        var marks = page.Locator("[data-tip]");
        var count = Math.Min(await marks.CountAsync(), 40);
        for (var i = 0; i < count; i++)
        {
            await marks.Nth(i).DispatchEventAsync("pointerover");
        }
    }

    private static IEnumerable<(string Name, string? Value)> UrlFields(JsonNode? node, string name = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var field in UrlFields(value, key))
                    {
                        yield return field;
                    }
                }

                break;
            case JsonArray array:
                foreach (var field in array.SelectMany(item => UrlFields(item, name)))
                {
                    yield return field;
                }

                break;
            case null when name.EndsWith("url", StringComparison.OrdinalIgnoreCase):
                yield return (name, null);
                break;
            case JsonValue value when name.EndsWith("url", StringComparison.OrdinalIgnoreCase):
                yield return (name, value.ToString());
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
