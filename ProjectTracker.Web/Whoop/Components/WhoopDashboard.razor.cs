using Microsoft.AspNetCore.Components;
using ProjectTracker.Domain.Time;
using ProjectTracker.Domain.Whoop;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Components;

namespace ProjectTracker.Web.Whoop.Components;

public sealed partial class WhoopDashboard
{
    private RangeSelection _selection = RangeSelection.Default;
    private string? _rangeError;
    private DateRange? _range;
    private WhoopDashboardData? _data;

    /// <summary>Longer ranges are charted by week: 365 daily bars in four charts were ~4 MB of render batches per load.</summary>
    public const int DailyChartDays = 120;

    private IReadOnlyList<WhoopDay> _chartDays = [];

    private bool _chartsByWeek;
    private WhoopConnectionState? _connection;
    private bool _isOwner;
    private WhoopSyncStatus? _lastSync;
    private WhoopProfile? _profile;
    private string? _loadError;

    [Inject] private WhoopReadService Whoop { get; set; } = null!;
    [Inject] private WhoopTokenService Tokens { get; set; } = null!;
    [Inject] private WhoopOptions Options { get; set; } = null!;
    [Inject] private WhoopSyncNotifier SyncNotifier { get; set; } = null!;
    [Inject] private WhoopWebhookNotifications Webhooks { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private Access.DashboardUser User { get; set; } = null!;

    [SupplyParameterFromQuery(Name = RangeSelection.DaysQuery)] public string? Days { get; set; }
    [SupplyParameterFromQuery(Name = RangeSelection.StartQuery)] public string? Start { get; set; }
    [SupplyParameterFromQuery(Name = RangeSelection.EndQuery)] public string? End { get; set; }

    /// <summary>Set by a failed WHOOP sign-in (<c>/login/whoop</c> redirects here with the reason).</summary>
    [SupplyParameterFromQuery(Name = "error")] public string? Error { get; set; }

    [SupplyParameterFromQuery(Name = "disconnected")] public bool Disconnected { get; set; }

    /// <summary>False when WHOOP could not confirm revoking the grant at disconnect.</summary>
    [SupplyParameterFromQuery(Name = "revoked")] public bool? Revoked { get; set; }

    private string EmptyMessage => WhoopAdvice.KindOf(Options, _connection ?? NotConnected) switch
    {
        WhoopConnectionKind.NotConfigured => $"No WHOOP data yet. {WhoopAdvice.NotConfigured}",
        WhoopConnectionKind.NotConnected => "No WHOOP data yet. Connect WHOOP above, then press Refresh from WHOOP.",
        WhoopConnectionKind.ReconnectRequired => "No WHOOP data for these days. Reconnect WHOOP above to sync again.",
        _ => "No WHOOP data for these days. Press Refresh from WHOOP to sync them, or pick a longer range.",
    };

    private static readonly WhoopConnectionState NotConnected = new(false, false, false, null, null, [], false);

    protected override void OnInitialized()
    {
        SyncNotifier.Finished += OnSyncFinished;
        SyncNotifier.FinishedElsewhere += Reload;
        Webhooks.Changed += Reload;
    }

    protected override async Task OnParametersSetAsync()
    {
        (_selection, _rangeError) = RangeSelection.FromQuery(Days, Start, End);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _loadError = null;
            _connection = await Tokens.GetStateAsync(CancellationToken.None);
            _isOwner = await User.IsOwnerAsync();
            _lastSync = await Whoop.GetLastSyncAsync();
            _profile = _connection.Connected ? await Whoop.GetProfileAsync() : null;

            _range = _selection.Resolve(await Whoop.GetTodayAsync());
            _data = await Whoop.GetDashboardAsync(_range);
            _chartsByWeek = _range.Days > DailyChartDays;
            _chartDays = _chartsByWeek ? _data.Weeks : _data.Days;
        }
        catch (Exception e)
        {
            // Shown on the page: a dashboard that silently shows nothing is worse than one that says why.
            _loadError = e.Message;
        }
    }

    private void ChangeRange(RangeSelection selection) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(selection.ToQuery()));

    // Any sync (this page's button, another tab's, the API, the hourly job) or webhook redraws every open dashboard.
    private void OnSyncFinished(WhoopSyncOutcome outcome) => Reload();

    private void Reload() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        SyncNotifier.Finished -= OnSyncFinished;
        SyncNotifier.FinishedElsewhere -= Reload;
        Webhooks.Changed -= Reload;
    }
}
