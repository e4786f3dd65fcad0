using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Queries;
using FoodFast.Analytics.Postgres.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The Postgres backend on a database of its own, loaded once for the class.</summary>
public class PostgresStoreFixture : IAsyncLifetime
{
    /// <summary>Whether the store answers from its hourly rollups where it can (the default) or from the rows only.</summary>
    protected virtual bool UseRollups => true;

    private readonly TestDatabase _database = new();
    private AnalyticsDatabase? _analytics;

    public IAnalyticsStore Store { get; private set; } = null!;

    public AnalyticsDatabase Analytics => _analytics!;

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _database.CreateAsync();
        _analytics = new AnalyticsDatabase(_database.ConnectionString);
        var store = AsRegistered(_analytics, new PostgresStoreOptions { UseRollups = UseRollups });
        await store.EnsureReadyAsync(CancellationToken.None);
        await ContractData.LoadAsync(store.Sink);
        await ContractData.LoadStockAsync(store.Sink);
        Store = store;
    }

    /// <summary>The store on <paramref name="analytics"/> as the backend registers it: behind the translation of the driver's failures.</summary>
    public static IAnalyticsStore AsRegistered(AnalyticsDatabase analytics, PostgresStoreOptions? options = null) =>
        new PostgresFailures(new PostgresAnalyticsStore(analytics, new PostgresAnalyticsSink(analytics, NullLogger<PostgresAnalyticsSink>.Instance),
            new PostgresQueries(analytics, Microsoft.Extensions.Options.Options.Create(options ?? new PostgresStoreOptions())), new PostgresQueryFamilies(analytics),
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

/// <summary>The same store reading the rows only: the contract's hand-computed answers hold with and without rollups.</summary>
public sealed class PostgresRowsOnlyFixture : PostgresStoreFixture
{
    protected override bool UseRollups => false;
}

public sealed class PostgresRowsOnlyContractTests(PostgresRowsOnlyFixture fixture) : AnalyticsStoreContract, IClassFixture<PostgresRowsOnlyFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => Task.FromResult(fixture.Store);
}
