using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>The API with Storage:Backend=Elasticsearch and no cluster listening: it starts, and readiness says why it is not ready.</summary>
public sealed class ElasticsearchSelectionTests
{
    [Fact]
    public async Task Elasticsearch_backend_without_a_cluster_is_503_naming_elasticsearch()
    {
        await using var api = new ElasticsearchAt($"http://127.0.0.1:{TestServers.ClosedPort}");
        await api.InitializeAsync();

        var response = await api.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var store = (await response.ReadJsonAsync()).Check("analytics_store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.StartsWith("Elasticsearch info failed: no node answered", store.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private sealed class ElasticsearchAt(string url) : ApiFactory
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Storage:Backend"] = "Elasticsearch";
            settings["Storage:Elasticsearch:Urls"] = url;
            settings["Storage:Elasticsearch:MaxRetries"] = "0";
        }
    }
}
