namespace ProjectTracker.Domain.Persistence;

/// <summary>
/// One ASP.NET Core Data Protection key as XML (table <c>data_protection_key</c>), so every instance and every restart
/// can decrypt the tokens the others encrypted.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
