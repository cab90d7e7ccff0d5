using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ProjectTracker.Domain.Persistence;

namespace ProjectTracker.Web.Access;

/// <summary>
/// Sessions kept on the server (encrypted, in the database's shared state): the cookie holds only a random key, so
/// signing out removes the session itself — a copied cookie stops working too — and every instance knows every session.
/// A session ends at its absolute lifetime whatever the cookie says.
/// </summary>
internal sealed class DatabaseTicketStore(SharedStateStore store, IDataProtectionProvider protection, TimeProvider time, AccessOptions access)
    : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("ProjectTracker.Sessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var issued = ticket.Properties.IssuedUtc ?? time.GetUtcNow();
        var lifetime = issued + access.SessionLifetime - time.GetUtcNow();
        return store.SetAsync(StoreKey(key), _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero, CancellationToken.None);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (key.Length > 64 || await store.GetAsync(StoreKey(key), CancellationToken.None) is not { } value)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task RemoveAsync(string key) => store.RemoveAsync(StoreKey(key), CancellationToken.None);

    private static string StoreKey(string key) => $"session:{key}";
}
