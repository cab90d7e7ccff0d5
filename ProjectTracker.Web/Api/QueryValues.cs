namespace ProjectTracker.Web.Api;

/// <summary>Reads single-valued query parameters strictly: repeated keys are refused rather than guessed.</summary>
public static class QueryValues
{
    public static string? Single(this IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0] ?? "",
            _ => throw new InvalidQueryParameterException(name, $"{name} was given {values.Count} times; give it once."),
        };
    }

    public static IReadOnlyList<string?> All(this IQueryCollection query, string name) => query[name];
}
