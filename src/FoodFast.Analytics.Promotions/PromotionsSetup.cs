using FoodFast.Analytics.Promotions.Rules;
using FoodFast.Analytics.Promotions.Weather;
using FoodFast.Analytics.Promotions.Wording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Promotions;

public static class PromotionsSetup
{
    /// <summary>Rules, weather and wording from <c>Recommendations</c>, validated at start-up. HTTP providers only when their key is set.</summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromotionOptions>, PromotionOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // Own clients, not IHttpClientFactory: its request logging would write the weather URL, whose query holds the key.
        services.AddKeyedSingleton("promotions", (_, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        services.AddSingleton<PromotionRuleSet>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PromotionOptions>>();
            var provider = options.Value.Weather.ApiKey.Length == 0 ? null : new OpenWeatherProvider(
                sp.GetRequiredKeyedService<HttpClient>("promotions"), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OpenWeatherProvider>>());
            return new WeatherResolver(options, sp.GetRequiredService<TimeProvider>(), provider);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PromotionOptions>>();
            var model = options.Value.Ai.ApiKey.Length == 0 ? null : new OpenAiChatModel(
                sp.GetRequiredKeyedService<HttpClient>("promotions"), options, sp.GetRequiredService<ILogger<OpenAiChatModel>>());
            return new PromotionWording(options, sp.GetRequiredService<TimeProvider>(), model);
        });
        services.AddSingleton<PromotionService>();
        return services;
    }
}
