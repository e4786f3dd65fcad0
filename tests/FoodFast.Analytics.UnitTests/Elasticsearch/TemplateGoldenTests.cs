using System.Text.Json.Nodes;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class TemplateGoldenTests
{
    private static readonly TemplateSet Defaults = new(new IndexNames("ff"), new ElasticsearchOptions { Urls = "http://es:9200" });

    [Theory]
    [InlineData("ff-settings", "component-template-ff-settings.json")]
    [InlineData("ff-orders-mappings", "component-template-ff-orders-mappings.json")]
    [InlineData("ff-order-lines-mappings", "component-template-ff-order-lines-mappings.json")]
    [InlineData("ff-events-mappings", "component-template-ff-events-mappings.json")]
    public void Component_templates_match_the_golden_files(string name, string golden)
    {
        var body = Defaults.ComponentTemplates().Single(t => t.Name == name).Body;

        Golden.AssertJson(golden, body);
    }

    [Theory]
    [InlineData("ff-orders", "index-template-ff-orders.json")]
    [InlineData("ff-order-lines", "index-template-ff-order-lines.json")]
    [InlineData("ff-events", "index-template-ff-events.json")]
    public void Index_templates_match_the_golden_files(string name, string golden)
    {
        var body = Defaults.IndexTemplates().Single(t => t.Name == name).Body;

        Golden.AssertJson(golden, body);
    }

    [Theory]
    [InlineData(90, "ilm-policy-ff-events.json")]
    [InlineData(0, "ilm-policy-ff-events-forever.json")]
    public void Events_policy_matches_the_golden_file_and_has_no_delete_phase_when_events_are_kept_forever(int eventsDays, string golden)
    {
        var set = new TemplateSet(new IndexNames("ff"), new ElasticsearchOptions { Urls = "http://es:9200" });

        Golden.AssertJson(golden, set.EventsPolicy(eventsDays));
    }

    [Fact]
    public void Events_policy_deletes_after_the_configured_days()
    {
        var options = new ElasticsearchOptions { Urls = "http://es:9200" };
        var ilm = new TemplateSet(new IndexNames("ff"), options).EventsPolicy(30)["policy"]!;

        Assert.Equal("30d", ilm["phases"]!["delete"]!["min_age"]!.GetValue<string>());
        Assert.Equal(30, ilm["_meta"]!["events_days"]!.GetValue<int>());
    }

    [Fact]
    public void Components_are_listed_before_the_index_templates_that_compose_them()
    {
        var components = Defaults.ComponentTemplates().Select(t => t.Name).ToList();

        var composed = Defaults.IndexTemplates().SelectMany(t => t.Body["composed_of"]!.AsArray().Select(n => n!.GetValue<string>())).Distinct();

        Assert.All(composed, name => Assert.Contains(name, components));
        Assert.Equal(["ff-settings", "ff-orders-mappings", "ff-order-lines-mappings", "ff-events-mappings"], components);
    }

    [Fact]
    public void Options_fill_prefix_shards_and_replicas()
    {
        var options = new ElasticsearchOptions { Urls = "http://es:9200", IndexPrefix = "staging", Shards = 3, Replicas = 2 };
        var set = new TemplateSet(new IndexNames("staging"), options);

        var settings = set.ComponentTemplates().Single(t => t.Name == "staging-settings").Body["template"]!["settings"]!;
        var orders = set.IndexTemplates().Single(t => t.Name == "staging-orders").Body;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"index.number_of_shards":3,"index.number_of_replicas":2}"""), settings));
        Assert.Equal("staging-orders-*", orders["index_patterns"]![0]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"staging-orders":{}}"""), orders["template"]!["aliases"]));
    }

    [Fact]
    public void Canonical_comparison_treats_equal_numbers_as_equal_and_different_ones_as_different()
    {
        // The golden files write money as 59.90; the comparison must not depend on how a number is spelled.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("59.90"), JsonNode.Parse("59.9")));
        Assert.False(JsonNode.DeepEquals(JsonNode.Parse("59.90"), JsonNode.Parse("59.91")));
    }
}
