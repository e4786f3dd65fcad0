using System.Text.Encodings.Web;
using System.Text.Json;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;

namespace FoodFast.Analytics.Api.Observability;

/// <summary>Wires metrics (<see cref="FoodFastMetrics"/>, the collector, <c>/metrics</c>), request ids and the log format.</summary>
internal static class ObservabilitySetup
{
    public const string LogFormatKey = "Logging:Format";
    private static readonly string[] LogFormats = ["json", "simple"];

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section);
        services.AddMetrics();
        services.AddSingleton<FoodFastMetrics>();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<IScrapeRefresher, IngestLogSampler>();
        ConfigureLogging(builder);
    }

    /// <summary>Wraps the chosen analytics store so its queries are timed; call after the store is registered.</summary>
    public static void MeasureAnalyticsStore(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAnalyticsStore));
        var factory = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The analytics store must be registered through a factory to be measured.");
        services.Remove(registered);
        services.AddSingleton<IAnalyticsStore>(sp => new MeasuredStore((IAnalyticsStore)factory(sp), sp.GetRequiredService<FoodFastMetrics>()));
    }

    public static void UseObservability(this WebApplication app)
    {
        // Listening starts now, before the first request or background batch records anything.
        app.Services.GetRequiredService<MetricsCollector>();
        app.UseRequestObservation();
    }

    public static void MapObservabilityApi(this WebApplication app)
    {
        var metrics = app.MapMetricsApi();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObservabilityOptions>>().Value.PublicMetrics)
        {
            metrics.AllowAnonymous();
        }
        else
        {
            metrics.RequireRole(Role.Admin);
        }
    }

    /// <summary>
    /// <c>Logging:Format</c>: <c>json</c> (one JSON object per line, with scopes: the default outside Development) or
    /// <c>simple</c> (readable lines). ASP.NET Core's own request lines are switched off: they print the raw URL, query
    /// string included, before anything can strip a live-feed key from it; <see cref="RequestObservation"/> logs instead.
    /// </summary>
    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var format = builder.Configuration[LogFormatKey] is { Length: > 0 } value ? value.ToLowerInvariant()
            : builder.Environment.IsDevelopment() ? "simple" : "json";
        if (!LogFormats.Contains(format))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(LogFormatKey, typeof(string),
                [$"{LogFormatKey} has the unknown value '{format}'; valid values are {string.Join(", ", LogFormats)}"]);
        }
        if (format == "json")
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                // Log lines are not HTML: keep quotes, '+' and non-ASCII readable.
                json.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
    }
}
