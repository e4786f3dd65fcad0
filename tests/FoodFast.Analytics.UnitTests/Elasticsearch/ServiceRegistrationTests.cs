using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_store_resolves_from_configuration()
    {
        using var services = Build(new() { ["Storage:Elasticsearch:Urls"] = "http://es1:9200,http://es2:9200", ["Storage:Elasticsearch:IndexPrefix"] = "staging" });

        var store = services.GetRequiredService<IAnalyticsStore>();

        Assert.IsType<ElasticsearchAnalyticsStore>(store);
        Assert.Equal("elasticsearch", store.Backend);
        Assert.IsType<FoodFast.Analytics.Elasticsearch.Exports.ElasticsearchExportSource>(store.Exports);
        Assert.IsType<FoodFast.Analytics.Elasticsearch.Erasure.ElasticsearchCustomerErasure>(store.Erasure);
        Assert.IsType<FoodFast.Analytics.Elasticsearch.Retention.MonthlyOrderRetention>(store.Retention);
        Assert.Null(services.GetService<FoodFast.Analytics.Core.Erasure.ICustomerErasure>());
        Assert.Null(services.GetService<FoodFast.Analytics.Core.Retention.IAnalyticsRetention>());
        Assert.Equal("staging", services.GetRequiredService<FoodFast.Analytics.Elasticsearch.Indices.IndexNames>().Prefix);
        Assert.Equal(["http://es1:9200/", "http://es2:9200/"], services.GetRequiredService<FoodFast.Analytics.Elasticsearch.Connection.ClusterClient>().Nodes.Select(u => u.ToString()).Order());
    }

    [Fact]
    public void Empty_values_as_in_env_example_mean_the_defaults()
    {
        using var services = Build(new() { ["Storage:Elasticsearch:Urls"] = "http://es:9200", ["Storage:Elasticsearch:Replicas"] = "", ["Storage:Elasticsearch:CloudId"] = "", ["Storage:Elasticsearch:ApiKey"] = "" });

        var options = services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;

        Assert.Null(options.Replicas);
        Assert.Equal("", options.CloudId);
        Assert.Null(options.RetentionDays);
    }

    [Fact]
    public void Invalid_settings_fail_with_every_message()
    {
        using var services = Build(new() { ["Storage:Elasticsearch:BulkConcurrency"] = "99" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);

        Assert.Equal(
        [
            "Storage:Elasticsearch:Urls (env ELASTICSEARCH_URL, e.g. http://localhost:9200) or Storage:Elasticsearch:CloudId is required",
            "Storage:Elasticsearch:BulkConcurrency is 99; valid values are 1 to 16",
        ], ex.Failures);
    }

    [Fact]
    public void A_cloud_id_becomes_the_node_url()
    {
        using var services = Build(new() { ["Storage:Elasticsearch:CloudId"] = "demo:dXMtY2VudHJhbDEuZ2NwLmNsb3VkLmVzLmlvOjQ0MyRhYmMxMjMkZGVmNDU2", ["Storage:Elasticsearch:ApiKey"] = "a2V5" });

        var client = services.GetRequiredService<FoodFast.Analytics.Elasticsearch.Connection.ClusterClient>();

        Assert.Equal("https://abc123.us-central1.gcp.cloud.es.io/", Assert.Single(client.Nodes).ToString());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddElasticsearchAnalyticsStore();
        return services.BuildServiceProvider();
    }
}
