using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.Redis;

public static class RedisSetup
{
    public static IServiceCollection AddRedis(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<Caching.RedisQueryCache>();
        return services;
    }
}
