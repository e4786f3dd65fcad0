using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Ingestion;

/// <summary>
/// The analytics store on a Postgres server of its own, stopped while producers keep posting and brought back:
/// every acknowledged item must arrive exactly once.
/// </summary>
public sealed class StoreOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_item_arrives_exactly_once_after_a_store_outage()
    {
        await using var store = new PrivatePostgres();
        await store.StartAsync();
        await using var api = new StoreAt(store.ConnectionString);
        await api.InitializeAsync();
        var client = await api.CreateAdminClientAsync();
        var acknowledgedEvents = 0;
        var acknowledgedOrders = new HashSet<string>();

        async Task PostRoundAsync(int round)
        {
            var events = Enumerable.Range(0, 50).Select(_ => Sample.Event("outage-shop")).ToList();
            var orders = Enumerable.Range(0, 10).Select(i => Sample.Order("outage-shop", $"r{round}-o{i}")).ToList();
            var eventsResponse = await client.PostAsync("/api/v1/events/batch", Sample.Json(events.Concat(events.Take(5))), Ct);
            var ordersResponse = await client.PostAsync("/api/v1/orders/batch", Sample.NdJson(orders), Ct);
            Assert.Equal(HttpStatusCode.Accepted, eventsResponse.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, ordersResponse.StatusCode);
            acknowledgedEvents += events.Count;
            acknowledgedOrders.UnionWith(orders.Select(o => o.OrderId));
        }

        await PostRoundAsync(0);
        await store.StopAsync();
        for (var round = 1; round <= 5; round++)
        {
            await PostRoundAsync(round);
            await Task.Delay(100, Ct);
        }
        var during = await (await client.GetAsync("/health/ready", Ct)).ReadJsonAsync();
        await store.StartAsync();
        await FlushUntilEmptyAsync(client);

        Assert.Equal("Unhealthy", during.Check("analytics_store").GetProperty("status").GetString());
        Assert.Equal(300, acknowledgedEvents);
        Assert.Equal(acknowledgedEvents, await StoreQueries.ScalarAsync<long>(store.ConnectionString, "select count(*) from events where shop_id = 'outage-shop'"));
        Assert.Equal(acknowledgedOrders.Count, await StoreQueries.ScalarAsync<long>(store.ConnectionString, "select count(*) from orders where shop_id = 'outage-shop'"));
        Assert.Equal(acknowledgedOrders.Count, await StoreQueries.ScalarAsync<long>(store.ConnectionString, "select count(*) from order_items where shop_id = 'outage-shop'"));
        Assert.Equal(0, await StoreQueries.ScalarAsync<long>(api.Database.ConnectionString, "select count(*) from ingest_dead_letters"));
    }

    private static async Task FlushUntilEmptyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.PostAsync("/api/v1/admin/ingestion/flush", null, Ct);
            if (response.StatusCode == HttpStatusCode.OK && (await response.ReadJsonAsync()).GetProperty("pending").GetInt64() == 0)
            {
                return;
            }
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException("the ingest log did not drain after the store came back");
    }

    private sealed class StoreAt(string connectionString) : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Storage:Postgres:ConnectionString"] = connectionString;
    }
}
