using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Health;
using FoodFast.Analytics.Api.OpenApi;
using FoodFast.Analytics.Postgres;
using FoodFast.Analytics.Redis;
using FoodFast.Analytics.Reports;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>Wires the service: what Program.cs calls, in the order it calls it.</summary>
internal static class ApplicationSetup
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        EnvironmentAliases.AddTo(builder.Configuration);
        var services = builder.Services;

        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(api.ShutdownTimeoutSeconds));

        services.AddJsonConventions();
        services.AddApiProblemDetails();
        services.AddApiDocumentation();

        services.AddServiceDatabase();
        services.AddAnalyticsStore(builder.Configuration);
        services.AddRedis();
        services.AddReports();
        services.AddSingleton<StorageBootstrapper>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageBootstrapper>());

        services.AddDependencyHealthChecks();
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseApiProblemDetails();
        app.UseApiDocumentation();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapHealthApi();
    }
}
