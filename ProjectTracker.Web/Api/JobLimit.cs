namespace ProjectTracker.Web.Api;

/// <summary>The <c>limit</c> parameter of the job lists (GitHub refreshes, WHOOP syncs).</summary>
public static class JobLimit
{
    public const string Parameter = "limit";
    public const int Default = 10;
    public const int Max = 100;

    /// <exception cref="InvalidQueryParameterException">Not a whole number from 1 to <see cref="Max"/>.</exception>
    public static int Parse(HttpRequest request)
    {
        var value = request.Query.Single(Parameter);
        if (value is null)
        {
            return Default;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, null, out var limit) || limit is < 1 or > Max)
        {
            throw new InvalidQueryParameterException(Parameter, $"limit must be a whole number from 1 to {Max}; got '{value}'.");
        }

        return limit;
    }
}
