using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using ProjectTracker.Domain.Persistence;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Access;

/// <summary>
/// The Data Protection key ring (it encrypts the WHOOP tokens, sessions, sign-in state and antiforgery tokens): kept in
/// the database so a restart or a second instance can still decrypt, and encrypted there with a certificate the
/// database does not hold (<c>DataProtection:CertificatePath</c> + <c>DataProtection:CertificatePassword</c>), so a
/// database dump yields neither the tokens nor a way to forge a session.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    public static void AddDatabaseKeyRing(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("ProjectTracker");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<TrackerDbContext>>(
            (keys, contexts) => keys.XmlRepository = new DatabaseXmlRepository(contexts));
        if (builder.Configuration.Read(CertificatePathSetting) is { } path)
        {
            protection.ProtectKeysWithCertificate(LoadCertificate(path, builder.Configuration.Read(CertificatePasswordSetting)));
        }
    }

    /// <summary>Without a certificate the keys lie unencrypted next to what they protect: said once, loudly, in Production.</summary>
    public static void WarnWhenKeysAreUnencrypted(this WebApplication app)
    {
        if (app.Environment.IsProduction() && app.Configuration.Read(CertificatePathSetting) is null)
        {
            app.Logger.LogWarning(
                "Data Protection keys are stored UNENCRYPTED in the database: anyone with a database dump can decrypt the WHOOP tokens and forge sessions. "
                + "Set {PathSetting} (a .pfx file) and {PasswordSetting}; see README \"Deploying\".", CertificatePathSetting, CertificatePasswordSetting);
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new Domain.Configuration.SettingException(CertificatePathSetting, $"names no readable file ('{path}').");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new Domain.Configuration.SettingException(CertificatePathSetting, "must be a .pfx/.p12 file with its private key.");
        }
        catch (CryptographicException)
        {
            // Never the password itself.
            throw new Domain.Configuration.SettingException(CertificatePasswordSetting, $"does not open the certificate at {CertificatePathSetting} (wrong password, or not a .pfx/.p12 file).");
        }
    }
}
