using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The erasure contract on Postgres, on a database of its own (the fixture is per class).</summary>
public sealed class PostgresErasureContractTests(PostgresStoreFixture fixture) : CustomerErasureContract, IClassFixture<PostgresStoreFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => Task.FromResult(fixture.Store);

    protected override Task RefreshAsync() => Task.CompletedTask;

    protected override Task<long> LocatedOrdersAsync(string shopId) =>
        StoreQueries.ScalarAsync<long>(fixture.ConnectionString, "select count(*) from orders where shop_id = $1 and (lat is not null or lon is not null)", shopId);
}

/// <summary>The retention contract on Postgres, on a database of its own.</summary>
public sealed class PostgresRetentionContractTests(PostgresStoreFixture fixture) : RetentionContract, IClassFixture<PostgresStoreFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => Task.FromResult(fixture.Store);

    protected override Task RefreshAsync() => Task.CompletedTask;
}
