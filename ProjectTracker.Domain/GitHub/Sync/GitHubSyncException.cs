namespace ProjectTracker.Domain.GitHub.Sync;

/// <summary>A refresh cannot go on; the message tells a person what happened and what to do.</summary>
public sealed class GitHubSyncException(string message, Exception? inner = null) : Exception(message, inner);
