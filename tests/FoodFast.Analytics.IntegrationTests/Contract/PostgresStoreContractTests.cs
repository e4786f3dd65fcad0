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
        var store = AsRegistered(_analytics);
        await store.EnsureReadyAsync(CancellationToken.None);
        await ContractData.LoadAsync(store.Sink);
        await ContractData.LoadStockAsync(store.Sink);
        Store = store;
    }

    /// <summary>The store on <paramref name="analytics"/> as the backend registers it: behind the translation of the driver's failures.</summary>
    public static IAnalyticsStore AsRegistered(AnalyticsDatabase analytics) =>
        new PostgresFailures(new PostgresAnalyticsStore(analytics, new PostgresAnalyticsSink(analytics, NullLogger<PostgresAnalyticsSink>.Instance),
            new PostgresQueries(analytics, Microsoft.Extensions.Options.Options.Create(new PostgresStoreOptions())), new PostgresQueryFamilies(analytics),
            new Postgres.Exports.PostgresExportSource(analytics), new Postgres.Recommendations.PostgresRecommendations(analytics),
            new Postgres.Erasure.PostgresCustomerErasure(analytics), new Postgres.Retention.PostgresRetention(analytics), NullLogger<PostgresAnalyticsStore>.Instance));

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
