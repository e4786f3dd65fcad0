using FoodFast.Analytics.Core.Wire;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>JSON on the wire: the conventions of <see cref="WireJson"/>, applied to every endpoint.</summary>
internal static class JsonConventions
{
    public static IServiceCollection AddJsonConventions(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => WireJson.Apply(options.SerializerOptions));
}
