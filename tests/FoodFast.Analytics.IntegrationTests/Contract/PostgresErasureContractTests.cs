using FoodFast.Analytics.Core.Erasure;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Erasure;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The erasure contract on Postgres, on a database of its own (the fixture is per class).</summary>
public sealed class PostgresErasureContractTests(PostgresStoreFixture fixture) : CustomerErasureContract, IClassFixture<PostgresStoreFixture>
{
    protected override Task<(IAnalyticsStore Store, ICustomerErasure Erasure)> BackendAsync() =>
        Task.FromResult<(IAnalyticsStore, ICustomerErasure)>((fixture.Store, new PostgresCustomerErasure(fixture.Analytics)));

    protected override Task RefreshAsync() => Task.CompletedTask;

    protected override Task<long> LocatedOrdersAsync(string shopId) =>
        StoreQueries.ScalarAsync<long>(fixture.ConnectionString, "select count(*) from orders where shop_id = $1 and (lat is not null or lon is not null)", shopId);
}
