using Microsoft.AspNetCore.DataProtection;
using ProjectTracker.Domain.Whoop.Sync;

namespace ProjectTracker.Web.Access;

/// <summary>WHOOP tokens encrypted with Data Protection, under a purpose of their own.</summary>
internal sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("ProjectTracker.WhoopTokens.v1");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
