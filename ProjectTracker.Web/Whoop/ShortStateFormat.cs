using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// The OAuth <c>state</c> as a short random key (32 characters), the sign-in's properties kept on the server for ten
/// minutes. WHOOP's authorization server has rules about the state's length; the framework's own (a data-protected blob
/// of hundreds of characters) avoids none of them. A key is used once.
/// </summary>
internal sealed class ShortStateFormat(IMemoryCache cache) : ISecureDataFormat<AuthenticationProperties>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public string Protect(AuthenticationProperties data) => Protect(data, purpose: null);

    public string Protect(AuthenticationProperties data, string? purpose)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(key, purpose), data, Lifetime);
        return key;
    }

    public AuthenticationProperties? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationProperties? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || !cache.TryGetValue(CacheKey(protectedText, purpose), out AuthenticationProperties? data))
        {
            return null;
        }

        cache.Remove(CacheKey(protectedText, purpose));
        return data;
    }

    private static string CacheKey(string key, string? purpose) => $"whoop-oauth-state:{purpose}:{key}";
}
