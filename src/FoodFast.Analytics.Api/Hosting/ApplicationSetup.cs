using FoodFast.Analytics.Api.App;
using FoodFast.Analytics.Api.Dashboards;
using FoodFast.Analytics.Api.Erasure;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Health;
using FoodFast.Analytics.Api.Ingestion;
using FoodFast.Analytics.Api.Observability;
using FoodFast.Analytics.Api.OpenApi;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Realtime;
using FoodFast.Analytics.Api.Recommendations;
using FoodFast.Analytics.Api.Reports;
using FoodFast.Analytics.Api.Retention;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security.RateLimiting;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Promotions;
using FoodFast.Analytics.Redis;
using FoodFast.Analytics.Reports;
using FoodFast.Analytics.ServiceData;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>Wires the service: what Program.cs calls, in the order it calls it.</summary>
internal static class ApplicationSetup
{
    public const string V1 = "/api/v1";

    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        EnvironmentAliases.AddTo(builder.Configuration);
        var services = builder.Services;
        builder.AddObservability();

        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(api.ShutdownTimeoutSeconds));

        services.ConfigureHttpJsonOptions(json => WireJson.Apply(json.SerializerOptions));
        services.AddApiProblemDetails();
        services.AddApiDocumentation();

        services.AddServiceDatabase();
        services.AddAnalyticsStore(builder.Configuration);
        services.MeasureAnalyticsStore();
        services.AddRedis();
        services.AddReports();
        services.AddReportJobs(builder.Configuration);
        services.AddSingleton<StorageBootstrapper>();
        services.AddSingleton<IStorageReadiness>(sp => sp.GetRequiredService<StorageBootstrapper>());
        services.AddHostedService(sp => sp.GetRequiredService<StorageBootstrapper>());
        services.AddIngestion();
        services.AddQueries();
        services.AddSingleton<DashboardRunner>();
        services.AddRealtime();
        services.AddPromotions();

        services.AddDependencyHealthChecks();
        services.AddSecurity();
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseObservability();
        app.UseApiProblemDetails();
        app.UseApiDocumentation();
        app.UseRealtime();
        app.UseSecurity();
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapObservabilityApi();

        // Every route but health, metrics, the live page and a few old aliases lives under /api/v1.
        var v1 = app.MapGroup(V1);
        var ingest = v1.MapGroup("").RequireRole(Role.Ingest).RequireRateLimiting(RateLimitPolicies.Ingestion);
        ingest.MapIngestionApi();
        ingest.MapCompatibilityApi();

        RouteGroupBuilder Analysts(IEndpointRouteBuilder under) => under.MapGroup("").RequireRole(Role.Analyst).RequireRateLimiting(RateLimitPolicies.Queries);
        var analytics = Analysts(v1).ScopedToCallerShop();
        analytics.MapQueryApi();
        analytics.MapDashboardApi();
        analytics.MapSalesApi();
        analytics.MapFinancialApi();
        analytics.MapUsersApi();
        analytics.MapFamiliesApi();
        analytics.MapShopsApi();
        analytics.MapProductsApi();
        analytics.MapSalesReportsApi();
        analytics.MapRealtimeApi(aliases: Analysts(app).ScopedToCallerShop());
        analytics.MapRecommendationsApi(aliases: Analysts(app).ScopedToCallerShop());
        analytics.MapSavedDashboardsApi();

        var reports = Analysts(v1);
        reports.MapReportsApi(aliases: Analysts(app));
        reports.MapExportApi();
        reports.MapReportSchedulesApi();
        RouteGroupBuilder Downloaders(IEndpointRouteBuilder under) => under.MapGroup("").RequireAnalystOrSignedLink().RequireRateLimiting(RateLimitPolicies.Queries);
        Downloaders(v1).MapReportDownloadsApi(aliases: Downloaders(app));

        // Any role: the room decides (an ingest token may follow only its own user room, see StreamRoomAccess).
        v1.MapGroup("").RequireAnyRole().MapStreamApi();
        v1.MapGroup("").RequireRole(Role.Analyst).ScopedToCallerShop().MapStreamStatsApi();
        app.MapLivePage();
        app.MapAppPage();

        var admin = v1.MapGroup("").RequireRole(Role.Admin);
        admin.MapIngestionAdminApi();
        admin.MapRealtimeAdminApi();
        admin.MapElasticsearchHealthApi();
        admin.MapRetentionApi();
        v1.MapGroup("").RequireRole(Role.Admin).ScopedToCallerShop().Audited("customer.erase").MapErasureApi();
        v1.MapSecurityApis();
    }
}
