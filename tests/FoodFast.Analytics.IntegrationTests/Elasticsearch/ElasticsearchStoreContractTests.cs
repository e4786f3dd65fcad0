using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.IntegrationTests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>
/// The Elasticsearch backend on a live cluster (<c>ELASTICSEARCH_URL</c>), under a fresh index prefix, loaded once through the
/// sink and refreshed; everything it created is deleted afterwards. Without a cluster every test reports as skipped.
/// </summary>
public sealed class ElasticsearchStoreFixture : IAsyncLifetime
{
    private LiveCluster? _cluster;

    public IAnalyticsStore? Store { get; private set; }

    /// <summary>The live cluster under this fixture's prefix; null without <c>ELASTICSEARCH_URL</c>.</summary>
    public LiveCluster? Cluster => _cluster;

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(LiveCluster.Url))
        {
            return;
        }
        _cluster = new LiveCluster();
        var store = _cluster.Services.GetRequiredService<IAnalyticsStore>();
        await store.EnsureReadyAsync(CancellationToken.None);
        await ContractData.LoadAsync(store.Sink);
        await ContractData.LoadStockAsync(store.Sink);
        await _cluster.SendAsync(HttpMethod.Post, $"{_cluster.Prefix}-*/_refresh", CancellationToken.None);
        Store = store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

public sealed class ElasticsearchStoreContractTests(ElasticsearchStoreFixture fixture) : AnalyticsStoreContract, IClassFixture<ElasticsearchStoreFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => LiveStore(fixture);

    /// <summary>The fixture's store; skips the test without a cluster.</summary>
    internal static Task<IAnalyticsStore> LiveStore(ElasticsearchStoreFixture fixture)
    {
        if (fixture.Store is null)
        {
            Assert.Skip(LiveCluster.NotConfigured);
        }
        return Task.FromResult(fixture.Store);
    }

    internal static Task Refresh(LiveCluster cluster) => cluster.SendAsync(HttpMethod.Post, $"{cluster.Prefix}-*/_refresh", TestContext.Current.CancellationToken);
}

/// <summary>The erasure contract on a live cluster, under a prefix of its own; skipped without <c>ELASTICSEARCH_URL</c>.</summary>
public sealed class ElasticsearchErasureContractTests(ElasticsearchStoreFixture fixture) : CustomerErasureContract, IClassFixture<ElasticsearchStoreFixture>
{
    private LiveCluster Cluster => fixture.Cluster ?? throw new InvalidOperationException(LiveCluster.NotConfigured);

    protected override Task<IAnalyticsStore> StoreAsync() => ElasticsearchStoreContractTests.LiveStore(fixture);

    protected override Task RefreshAsync() => ElasticsearchStoreContractTests.Refresh(Cluster);

    protected override async Task<long> LocatedOrdersAsync(string shopId)
    {
        var body = new JsonObject
        {
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(new JsonObject { ["term"] = new JsonObject { ["shop_id"] = shopId } }, new JsonObject { ["exists"] = new JsonObject { ["field"] = "location" } }) } },
        }.ToJsonString();
        var answer = await Cluster.SendAsync(HttpMethod.Post, $"{Cluster.Prefix}-orders/_count", TestContext.Current.CancellationToken, body);
        return answer.GetProperty("count").GetInt64();
    }
}

/// <summary>The retention contract on a live cluster, under a prefix of its own; skipped without <c>ELASTICSEARCH_URL</c>.</summary>
public sealed class ElasticsearchRetentionContractTests(ElasticsearchStoreFixture fixture) : RetentionContract, IClassFixture<ElasticsearchStoreFixture>
{
    protected override Task<IAnalyticsStore> StoreAsync() => ElasticsearchStoreContractTests.LiveStore(fixture);

    protected override Task RefreshAsync() =>
        ElasticsearchStoreContractTests.Refresh(fixture.Cluster ?? throw new InvalidOperationException(LiveCluster.NotConfigured));
}
