using System.Globalization;
using ProjectTracker.Domain.Whoop.Api;
using ProjectTracker.Domain.Whoop.Sync;
using ProjectTracker.Web.Configuration;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Who owns the app: <c>Owner:WhoopUserId</c> when set, else the account the stored connection belongs to. The owner's
/// user id is always known before anyone may claim the app: tokens imported from <c>WHOOP_ACCESS_TOKEN</c>/
/// <c>WHOOP_REFRESH_TOKEN</c> are identified by reading WHOOP's profile with them (at start-up, and again before any
/// sign-in while that failed), and a sign-in claims ownership in one conditional write.
/// </summary>
public sealed class WhoopOwnership(
    WhoopTokenService tokens, WhoopRefreshService whoop, WhoopProfileStore profiles, OwnerOptions configured, ILogger<WhoopOwnership> logger)
{
    /// <summary>The owner's WHOOP user id, or null while nobody owns the app.</summary>
    public async Task<string?> OwnerIdAsync(CancellationToken ct) =>
        configured.WhoopUserId ?? (await tokens.GetStateAsync(ct)).WhoopUserId;

    /// <summary>
    /// Names the account of tokens stored without one (the old variables): reads the profile with them and records its
    /// user id as the owner. Tokens WHOOP refuses identify nobody; they are forgotten so they cannot be mistaken for an
    /// owner. False when WHOOP could not be asked (the tokens stay, and no sign-in may claim the app meanwhile).
    /// </summary>
    public async Task<bool> IdentifyStoredTokensAsync(CancellationToken ct)
    {
        var state = await tokens.GetStateAsync(ct);
        if (state.WhoopUserId is not null || !state.HasAccessToken)
        {
            return true;
        }

        WhoopUserProfile profile;
        try
        {
            profile = await whoop.GetProfileAsync(ct);
        }
        catch (WhoopReconnectRequiredException)
        {
            logger.LogWarning("WHOOP refused the imported WHOOP_ACCESS_TOKEN/WHOOP_REFRESH_TOKEN; they are forgotten. Connect WHOOP at {Path}.",
                WhoopEndpoints.ConnectPath);
            await tokens.ForgetAsync(ct);
            return true;
        }
        catch (WhoopApiException e) when (e is not WhoopNotConnectedException)
        {
            logger.LogWarning("Could not read the WHOOP profile of the imported tokens ({Message}); sign-in waits until it can.", e.Message);
            return false;
        }
        catch (WhoopNotConnectedException)
        {
            return true;
        }

        var userId = profile.UserId.ToString(CultureInfo.InvariantCulture);
        if (configured.WhoopUserId is { } pinned && pinned != userId)
        {
            logger.LogWarning("The imported WHOOP tokens belong to another account than Owner:WhoopUserId; they are forgotten.");
            await tokens.ForgetAsync(ct);
            return true;
        }

        if (await tokens.ClaimOwnerAsync(userId, ct))
        {
            await profiles.SaveAsync(profile, await whoop.GetBodyMeasurementAsync(ct), ct);
        }

        return true;
    }

    /// <summary>A sign-in's claim: the pinned owner only; else the stored owner, or the first account to claim.</summary>
    public async Task<OwnerClaim> ClaimAsync(string userId, CancellationToken ct)
    {
        if (configured.WhoopUserId is { } pinned)
        {
            return pinned == userId && await tokens.ClaimOwnerAsync(userId, ct) ? OwnerClaim.Owner : OwnerClaim.Refused;
        }

        if (!await IdentifyStoredTokensAsync(ct))
        {
            return OwnerClaim.OwnerUnknown;
        }

        return await tokens.ClaimOwnerAsync(userId, ct) ? OwnerClaim.Owner : OwnerClaim.Refused;
    }
}
