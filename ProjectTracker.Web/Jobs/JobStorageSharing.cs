namespace ProjectTracker.Web.Jobs;

/// <summary>Whether refresh jobs may run on another instance (job storage in PostgreSQL or Redis).</summary>
public sealed record JobStorageSharing(bool IsShared);
