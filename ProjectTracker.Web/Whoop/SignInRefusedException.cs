namespace ProjectTracker.Web.Whoop;

/// <summary>Thrown while creating the sign-in ticket: the OAuth handler ignores a failed result of that event.</summary>
public sealed class SignInRefusedException(string code) : Microsoft.AspNetCore.Authentication.AuthenticationFailureException(SignInErrors.Describe(code))
{
    public string Code { get; } = code;
}
