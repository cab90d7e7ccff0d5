using ProjectTracker.Domain.Net;

namespace ProjectTracker.Web.Tests.Unit;

public sealed class ExternalUrlTests
{
    [Theory]
    [InlineData("https://github.com/octo/repo")]
    [InlineData("http://git.example:8080/a/b?c=d#e")]
    [InlineData("HTTPS://GitHub.com/Octo")]
    public void Safe_HttpAddresses_AreKeptAsGiven(string url) => Assert.Equal(url, ExternalUrl.Safe(url));

    [Theory]
    [InlineData("javascript:document.title=\"x\"")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/github/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    [InlineData("https:evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Safe_AnythingElse_IsNull(string? url) => Assert.Null(ExternalUrl.Safe(url));
}
