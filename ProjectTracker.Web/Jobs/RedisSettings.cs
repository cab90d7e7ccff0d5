using ProjectTracker.Domain.Configuration;
using StackExchange.Redis;

namespace ProjectTracker.Web.Jobs;

/// <summary>
/// <c>REDIS_URL</c> as hosts give it (<c>redis://[user]:password@host:port[/db]</c>, <c>rediss://</c> for TLS), or a
/// StackExchange.Redis configuration string (<c>host:port,password=…</c>).
/// </summary>
public static class RedisSettings
{
    public const string SettingName = "REDIS_URL";

    /// <exception cref="SettingException">The value is malformed; the message never contains it (it may hold a password).</exception>
    public static ConfigurationOptions Parse(string value)
    {
        var trimmed = value.Trim();
        ConfigurationOptions options;
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            options = FromUrl(trimmed);
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(trimmed);
            }
            catch (ArgumentException)
            {
                throw Invalid("is neither a redis:// URL nor a Redis configuration string.");
            }
        }

        if (options.EndPoints.Count == 0)
        {
            throw Invalid("names no Redis server.");
        }

        // Start even while Redis is briefly away; the multiplexer reconnects in the background.
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>
    /// Connects once at start-up. Later outages are ridden out (the multiplexer reconnects), but a server that cannot be
    /// reached at all now is a setting to fix: one line naming <c>REDIS_URL</c>, where it points (never the password) and why.
    /// </summary>
    /// <exception cref="SettingException">No connection could be made.</exception>
    public static IConnectionMultiplexer Connect(ConfigurationOptions options)
    {
        var multiplexer = ConnectionMultiplexer.Connect(options);
        if (multiplexer.IsConnected)
        {
            return multiplexer;
        }

        multiplexer.Dispose();
        var endpoint = options.EndPoints[0];
        var (host, port) = endpoint switch
        {
            System.Net.DnsEndPoint dns => (dns.Host, dns.Port),
            System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => (endpoint.ToString() ?? "?", 6379),
        };
        var cause = Domain.Net.ConnectionFailure.ProbeAsync(host, port, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult()
                    ?? "the server accepts connections but the Redis handshake failed (check the password, the user and rediss:// for TLS)";
        throw Invalid($"points at Redis at {host}:{port}, which cannot be reached from here: {cause}.");
    }

    private static ConfigurationOptions FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("redis" or "rediss") || url.Host.Length == 0)
        {
            throw Invalid("must look like redis://[user]:password@host:port[/db] (or rediss:// for TLS).");
        }

        var options = new ConfigurationOptions { Ssl = url.Scheme == "rediss" };
        options.EndPoints.Add(url.Host, url.IsDefaultPort || url.Port < 0 ? 6379 : url.Port);
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            options.Password = colon < 0 ? null : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            options.User = user.Length == 0 ? null : user;
        }

        var path = url.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.TryParse(path, out var db) && db >= 0
                ? db
                : throw Invalid("has a database number that is not a whole number (the path after the port).");
        }

        return options;
    }

    private static SettingException Invalid(string problem) => new(SettingName, problem);
}
