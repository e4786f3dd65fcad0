using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.ServiceData;
using FoodFast.Analytics.ServiceData.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// The analytics store on PostgreSQL: tables <c>orders</c>, <c>order_items</c>, <c>events</c>. Registered behind
/// <see cref="PostgresFailures"/>, which turns the driver's failures into Core's.
/// </summary>
public sealed class PostgresAnalyticsStore(AnalyticsDatabase database, PostgresAnalyticsSink sink, Queries.PostgresQueries queries, Queries.PostgresQueryFamilies families, Exports.PostgresExportSource exports, Recommendations.PostgresRecommendations recommendations,
    Erasure.PostgresCustomerErasure erasure, Retention.PostgresRetention retention, ILogger<PostgresAnalyticsStore> logger) : IAnalyticsStore
{
    /// <summary>The scripts of the analytics tables (orders, order_items, events), under <c>Migrations/analytics/</c>.</summary>
    public const string AnalyticsSet = "analytics";

    public string Backend => "postgres";

    public IAnalyticsSink Sink => sink;

    public Core.Queries.IAnalyticsQueries Queries => queries;

    public Core.Queries.Families.IQueryFamilies Families => families;

    public IExportSource Exports => exports;

    public Core.Recommendations.IRecommendationSource Recommendations => recommendations;

    public Core.Erasure.ICustomerErasure Erasure => erasure;

    public Core.Retention.IAnalyticsRetention Retention => retention;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken) =>
        await new SchemaMigrator(database.DataSource, typeof(PostgresAnalyticsStore).Assembly, AnalyticsSet, logger).MigrateAsync(cancellationToken);

    public Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken) =>
        PostgresHealth.PingAsync(database.DataSource, "analytics database", cancellationToken);
}
