using FoodFast.Analytics.Redis.Live;

namespace FoodFast.Analytics.Api.Realtime;

internal static class RealtimeSetup
{
    /// <summary>Live counters (Redis), the bus, and this instance's hub of stream clients.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddLiveCounters();
        services.AddSingleton<LiveHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHub>());
        services.AddSingleton<StreamPresence>();
        services.AddHostedService(sp => sp.GetRequiredService<StreamPresence>());
        return services;
    }

    /// <summary>WebSockets (on a transport that takes batches of frames), and the query-string key of the stream endpoints: before authentication.</summary>
    public static void UseRealtime(this WebApplication app)
    {
        WebSocketTransportUpgrade.Use(app, StreamApi.Path);
        app.UseWebSockets();
        app.UseStreamKeyFromQuery();
    }
}
