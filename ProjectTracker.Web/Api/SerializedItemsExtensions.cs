using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Web.Api;

public static class SerializedItemsExtensions
{
    /// <summary>Registers the shared JSON of <typeparamref name="TSource"/> records as <typeparamref name="TJson"/>.</summary>
    public static IServiceCollection AddSerializedItems<TSource, TJson>(this IServiceCollection services, Func<TSource, TJson> toJson)
        where TSource : class =>
        services.AddSingleton(sp => new SerializedItems<TSource, TJson>(toJson, sp.GetRequiredService<IOptions<JsonOptions>>()));
}
