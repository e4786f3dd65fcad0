using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Queries;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The Postgres backend on a database of its own, loaded once for the class.</summary>
public sealed class PostgresStoreFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private AnalyticsDatabase? _analytics;

    public IAnalyticsStore Store { get; private set; } = null!;

    public AnalyticsDatabase Analytics => _analytics!;

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _database.CreateAsync();
        _analytics = new AnalyticsDatabase(_database.ConnectionString);
        // As the backend registers it: behind the translation of the driver's failures.
        var store = new PostgresFailures(new PostgresAnalyticsStore(_analytics, new PostgresAnalyticsSink(_analytics, NullLogger<PostgresAnalyticsSink>.Instance),
            new PostgresQueries(_analytics, Microsoft.Extensions.Options.Options.Create(new PostgresStoreOptions())), new PostgresQueryFamilies(_analytics), new Postgres.Exports.PostgresExportSource(_analytics),
            new Postgres.Recommendations.PostgresRecommendations(_analytics), new Postgres.Erasure.PostgresCustomerErasure(_analytics),
            new Postgres.Retention.PostgresRetention(_analytics), NullLogger<PostgresAnalyticsStore>.Instance));
        await store.EnsureReadyAsync(CancellationToken.None);
        await ContractData.LoadAsync(store.Sink);
        await ContractData.LoadStockAsync(store.Sink);
        Store = store;
    }

    public async ValueTask DisposeAsync()
    {
        await _analytics!.DisposeAsync();
        await _database.DropAsync();
    }
}

public sealed class PostgresStoreContractTests(PostgresStoreFixture fixture) : AnalyticsStoreContract, IClassFixture<PostgresStoreFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => Task.FromResult(fixture.Store);
}
