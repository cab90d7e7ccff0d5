using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// The OAuth <c>state</c> as a short random key (32 characters), the sign-in's properties (return URL, PKCE verifier)
/// kept encrypted in the database's shared state for ten minutes: WHOOP's callback may reach another instance, or this
/// one after a restart, and anonymous sign-in attempts cost no memory. WHOOP's authorization server has rules about the
/// state's length; the framework's own (a data-protected blob of hundreds of characters) avoids none of them. A key is
/// used once.
/// </summary>
internal sealed class ShortStateFormat(SharedStateStore store, IDataProtectionProvider protection) : ISecureDataFormat<AuthenticationProperties>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector _protector = protection.CreateProtector("ProjectTracker.OAuthState.v1");

    public string Protect(AuthenticationProperties data) => Protect(data, purpose: null);

    // The handler's interface is synchronous; the store's calls are short single-row statements.
    public string Protect(AuthenticationProperties data, string? purpose)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var value = _protector.Protect(PropertiesSerializer.Default.Serialize(data));
        store.SetAsync(StoreKey(key, purpose), value, Lifetime, CancellationToken.None).GetAwaiter().GetResult();
        return key;
    }

    public AuthenticationProperties? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationProperties? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || protectedText.Length > 64)
        {
            return null;
        }

        var value = store.TakeAsync(StoreKey(protectedText, purpose), CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            return value is null ? null : PropertiesSerializer.Default.Deserialize(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null; // written under keys this app no longer has
        }
    }

    private static string StoreKey(string key, string? purpose) => $"oauth-state:{purpose}:{key}";
}
