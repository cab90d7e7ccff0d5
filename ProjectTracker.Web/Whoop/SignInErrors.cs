namespace ProjectTracker.Web.Whoop;

/// <summary>
/// Why a WHOOP sign-in did not complete, as a short code in the redirect's <c>error</c> query (never an exception's text,
/// which could carry anything): the pages show the fixed message for a known code, a generic one for anything else.
/// </summary>
public static class SignInErrors
{
    public const string Refused = "refused";
    public const string OwnerUnknown = "owner_unknown";
    public const string NotConfigured = "not_configured";
    public const string Failed = "failed";

    public static string Describe(string? code) => code switch
    {
        Refused => "This app belongs to another WHOOP account; nothing was changed.",
        OwnerUnknown => "WHOOP could not confirm which account owns this app right now; try again in a few minutes.",
        NotConfigured => Domain.Whoop.WhoopAdvice.NotConfigured,
        _ => "WHOOP sign-in did not complete; try again.",
    };

    /// <summary>The code of a failed remote sign-in.</summary>
    public static string CodeOf(Exception? failure) => failure is SignInRefusedException refused ? refused.Code : Failed;
}
