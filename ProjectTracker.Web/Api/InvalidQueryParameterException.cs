namespace ProjectTracker.Web.Api;

/// <summary>A query parameter that cannot be used: answered 400 problem+json naming <see cref="Parameter"/> (<see cref="ApiExceptionHandler"/>).</summary>
public sealed class InvalidQueryParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
