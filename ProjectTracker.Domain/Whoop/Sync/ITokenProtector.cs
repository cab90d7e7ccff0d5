namespace ProjectTracker.Domain.Whoop.Sync;

/// <summary>Encrypts tokens at rest (ASP.NET Core Data Protection in the web app).</summary>
public interface ITokenProtector
{
    string Protect(string token);

    string Unprotect(string protectedToken);
}
