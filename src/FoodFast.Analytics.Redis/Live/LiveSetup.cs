using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Redis.Live;

public static class LiveSetup
{
    /// <summary>Live counters, the analytics pulse and the bus: Redis pub/sub when Redis is configured, in-process otherwise.</summary>
    public static IServiceCollection AddLiveCounters(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveCounters>();
        services.AddSingleton<RealtimeReader>();
        services.AddSingleton<CounterRebuilder>();
        services.AddSingleton<RedisLiveBus>();
        services.AddSingleton<LivePresence>();
        services.AddSingleton<InProcessLiveBus>();
        services.AddSingleton<ILiveBus>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration.Length > 0
            ? sp.GetRequiredService<RedisLiveBus>()
            : sp.GetRequiredService<InProcessLiveBus>());
        services.AddSingleton<AnalyticsPulse>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsPulse>());
        services.AddSingleton<IIngestionObserver, LiveFeedObserver>();
        return services;
    }
}
