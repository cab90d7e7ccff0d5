namespace ProjectTracker.Domain.Persistence;

/// <summary>How long a shared read model may serve a snapshot when this process wrote nothing since it was read.</summary>
public static class ReadModelSettings
{
    /// <summary><c>ReadModel:MaxAgeSeconds</c>: the bound on how late another instance's write shows; 0 reads every time.</summary>
    public const string MaxAge = "ReadModel:MaxAgeSeconds";

    public const int DefaultSeconds = 2;
}
