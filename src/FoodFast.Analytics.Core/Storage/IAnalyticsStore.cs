using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// The seam between the service and where analytics data lives: Elasticsearch in production,
/// PostgreSQL on a single node and in every test. Each backend implements every face, passes the same contract
/// test suite, and raises its driver's failures as <see cref="DependencyFailedException"/>.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>Short name reported in result metadata and health: <c>postgres</c> or <c>elasticsearch</c>.</summary>
    string Backend { get; }

    /// <summary>Writes orders and events, idempotently.</summary>
    IAnalyticsSink Sink { get; }

    /// <summary>Aggregates for the query model.</summary>
    Queries.IAnalyticsQueries Queries { get; }

    /// <summary>Funnels, retention cohorts, segments and full-text search.</summary>
    Queries.Families.IQueryFamilies Families { get; }

    /// <summary>Counts behind bought-together and trending recommendations.</summary>
    Recommendations.IRecommendationSource Recommendations { get; }

    /// <summary>Every row of a dataset, streamed in order, for raw exports.</summary>
    IExportSource Exports { get; }

    /// <summary>Removes a customer's identity from a shop's data on request.</summary>
    Erasure.ICustomerErasure Erasure { get; }

    /// <summary>Deletes events and orders older than the retention settings allow.</summary>
    Retention.IAnalyticsRetention Retention { get; }

    /// <summary>Creates or upgrades what the backend needs (tables, templates). Idempotent; safe to run from several instances at once.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);

    /// <summary>Reports whether the store answers; never throws.</summary>
    Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken);
}
