using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Simulators.Whoop;
using ProjectTracker.Web.Tests.Access;
using ProjectTracker.Web.Tests.Integration;

namespace ProjectTracker.Web.Tests.Whoop;

/// <summary>
/// The Data Protection keys: encrypted at rest with the configured certificate, and when they are lost the stored tokens
/// mean "connect WHOOP again" (409, <c>connected: false</c>), never a 500. On SQLite and PostgreSQL.
/// </summary>
public abstract class DataProtectionKeyTests(Func<ITestDatabase> createDatabase) : IAsyncLifetime
{
    private readonly ITestDatabase _database = createDatabase();
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-keys-").FullName;
    private WhoopSimulatorServer _whoop = null!;

    public async Task InitializeAsync() => _whoop = await WhoopSimulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _whoop.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private TrackerAppFactory StartApp(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? [])
        {
            ["Whoop:ApiBaseUrl"] = _whoop.ApiBaseUrl.ToString(),
            ["Whoop:TokenEndpoint"] = _whoop.TokenEndpoint.ToString(),
            ["WHOOP_CLIENT_ID"] = _whoop.State.ClientId,
            ["WHOOP_CLIENT_SECRET"] = _whoop.State.ClientSecret,
            ["WHOOP_ACCESS_TOKEN"] = "whoop-access-token",
            ["WHOOP_REFRESH_TOKEN"] = "whoop-refresh-token",
        };
        return new TrackerAppFactory(_database, settings);
    }

    [Fact]
    public async Task Keys_LostAfterConnecting_GiveReconnectNeededNot500()
    {
        await using (var first = StartApp())
        {
            using var client = first.CreateClient();
            Assert.True((bool?)(await client.GetJsonAsync("/api/whoop/status"))["connected"]);
            await first.SeedAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync()); // keys lost (or rotated away)
        }

        await using var second = StartApp();
        using var api = second.CreateClient();
        var refresh = await api.PostAsync("/api/whoop/refresh?days=2", null);
        var status = await api.GetJsonAsync("/api/whoop/status");
        var test = await api.GetAsync("/api/whoop/auth/test");

        var problem = await refresh.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("/login/whoop", (string?)problem["detail"]);
        Assert.False((bool?)status["connected"]);
        Assert.True((bool?)status["reconnect_required"]);
        Assert.Equal("10129", (string?)status["whoop_user_id"]); // the owner stays the owner
        Assert.NotEqual(HttpStatusCode.InternalServerError, test.StatusCode);
    }

    [Fact]
    public async Task Keys_WithACertificate_AreEncryptedAtRest()
    {
        var path = Path.Combine(_folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ProjectTracker keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        await using var app = StartApp(new() { ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "pfx-password" });
        using var client = app.CreateClient();
        var refresh = await client.PostAsync("/api/whoop/refresh?days=2", null); // tokens decrypt with the encrypted key ring

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("<masterKey", key);
    }
}

public sealed class SqliteDataProtectionKeyTests() : DataProtectionKeyTests(() => new SqliteTestDatabase());

public sealed class PostgresDataProtectionKeyTests() : DataProtectionKeyTests(() => new PostgresTestDatabase());
