using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.Postgres.Storage;

namespace FoodFast.Analytics.IntegrationTests.Contract;

/// <summary>The Postgres store as registered, on a port nobody listens on: every face raises Core's failure, naming postgres and the step.</summary>
public sealed class PostgresFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unreachable_database_is_an_outage_of_postgres_named_by_the_step()
    {
        await using var analytics = new AnalyticsDatabase($"Host=127.0.0.1;Port={TestServers.ClosedPort};Username=postgres;Database=none;Timeout=2");
        var store = PostgresStoreFixture.AsRegistered(analytics);
        var day = new ExportRange("shop-a", Sample.Now.AddDays(-1), Sample.Now);

        var erasure = await Assert.ThrowsAsync<DependencyFailedException>(() => store.Erasure.EraseAsync("shop-a", "c-1", Ct));
        var retention = await Assert.ThrowsAsync<DependencyFailedException>(() => store.Retention.DeleteOlderThanAsync(RetentionDatasets.Events, Sample.Now, 10, Ct));
        var export = await Assert.ThrowsAsync<DependencyFailedException>(async () => await store.Exports.OrdersAsync(day, Ct).ToListAsync(Ct));
        var write = await Assert.ThrowsAsync<DependencyFailedException>(() => store.Sink.WriteAsync([SinkItem.Of(Sample.Order("shop-a", "o-1"))], Ct));

        Assert.Equal(
            ["postgres erasure True", "postgres retention_delete True", "postgres export True", "postgres write True"],
            new[] { erasure, retention, export, write }.Select(e => $"{e.Dependency} {e.Step} {e.Unavailable}"));
        Assert.All(new[] { erasure, retention, export, write }, e => Assert.IsAssignableFrom<Npgsql.NpgsqlException>(e.InnerException));
    }
}
