namespace ProjectTracker.Web.Whoop;

/// <summary>Tells this process's listeners (dashboards, tests) that a webhook event was applied.</summary>
public sealed class WhoopWebhookNotifications
{
    private readonly Jobs.Completions<bool> _applied = new();

    /// <summary>Raised after every applied event, so open WHOOP dashboards redraw.</summary>
    public event Action? Changed;

    public void Applied(string type, string id)
    {
        _applied.Complete($"{type}:{id}", true);
        Changed?.Invoke();
    }

    public Task WhenAppliedAsync(string type, string id) => _applied.WhenDone($"{type}:{id}");
}
