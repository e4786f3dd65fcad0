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
    protected override Task<IAnalyticsStore> StoreAsync()
    {
        if (fixture.Store is null)
        {
            Assert.Skip(LiveCluster.NotConfigured);
        }
        return Task.FromResult(fixture.Store);
    }
}
