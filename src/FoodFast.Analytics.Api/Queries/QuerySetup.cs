using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Redis;
using FoodFast.Analytics.Redis.Caching;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Queries;

internal static class QuerySetup
{
    /// <summary>The query engine, and its cache: Redis when <c>Redis:Configuration</c> is set, process memory otherwise.</summary>
    public static IServiceCollection AddQueries(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<MemoryQueryCache>();
        services.AddSingleton<IQueryCache>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration.Length > 0
            ? sp.GetRequiredService<RedisQueryCache>()
            : sp.GetRequiredService<MemoryQueryCache>());
        services.AddSingleton<QueryEngine>();
        return services;
    }
}
