using FoodFast.Analytics.Core.Caching;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Queries.Families;
using FoodFast.Analytics.Redis;
using FoodFast.Analytics.Redis.Caching;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Queries;

internal static class QuerySetup
{
    /// <summary>
    /// The query engine, and its cache: Redis when <c>Redis:Configuration</c> is set (behind this instance's near
    /// cache unless <c>Cache:NearTtlSeconds</c> is 0), process memory otherwise; and each shop's time zone (<c>Shops</c>).
    /// </summary>
    public static IServiceCollection AddQueries(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<MemoryQueryCache>();
        services.AddSingleton(sp => new NearQueryCache(sp.GetRequiredService<RedisQueryCache>(), CachedResult.FreshUntil,
            sp.GetRequiredService<IOptions<CacheOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IQueryCache>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration.Length == 0
            ? sp.GetRequiredService<MemoryQueryCache>()
            : sp.GetRequiredService<IOptions<CacheOptions>>().Value.NearTtlSeconds > 0
                ? sp.GetRequiredService<NearQueryCache>()
                : sp.GetRequiredService<RedisQueryCache>());
        services.AddHostedService<NearCachePurgeListener>();
        services.AddSingleton<QueryEngine>();
        services.AddSingleton<FamilyEngine>();
        services.AddOptions<ShopsOptions>().BindConfiguration(ShopsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShopsOptions>, ShopsOptionsValidation>();
        return services;
    }
}
