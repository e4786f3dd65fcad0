using System.Text;
using FoodFast.Analytics.Elasticsearch.Client;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

public sealed class CloudIdTests
{
    [Fact]
    public void A_valid_id_decodes_to_the_elasticsearch_url()
    {
        Assert.True(CloudId.TryDecode("demo:dXMtY2VudHJhbDEuZ2NwLmNsb3VkLmVzLmlvOjQ0MyRhYmMxMjMkZGVmNDU2", out var url, out _));

        Assert.Equal(new Uri("https://abc123.us-central1.gcp.cloud.es.io:443"), url);
    }

    [Fact]
    public void A_missing_port_means_443_and_missing_padding_is_tolerated()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("eu-west-1.aws.found.io$es1$kb1")).TrimEnd('=');

        Assert.True(CloudId.TryDecode("label:" + encoded, out var url, out _));

        Assert.Equal("https://es1.eu-west-1.aws.found.io/", url.ToString());
        Assert.Equal(443, url.Port);
    }

    [Fact]
    public void A_label_containing_a_colon_splits_at_the_first_colon_only()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("host.example:9243$es$kb"));

        Assert.True(CloudId.TryDecode("my-deployment:" + encoded, out var url, out _));

        Assert.Equal("https://es.host.example:9243/", url.ToString());
    }

    [Fact]
    public void An_id_without_dollar_is_rejected()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("us-central1.gcp.cloud.es.io:443"));

        Assert.False(CloudId.TryDecode("demo:" + encoded, out _, out var error));

        Assert.Equal("the decoded id has no '$' (expected host[:port]$es_uuid$kibana_uuid)", error);
    }

    [Fact]
    public void An_id_with_an_empty_host_is_rejected()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("$abc123$def456"));

        Assert.False(CloudId.TryDecode("demo:" + encoded, out _, out var error));

        Assert.Equal("the decoded id has an empty host", error);
    }

    [Fact]
    public void An_id_that_is_not_base64_is_rejected()
    {
        Assert.False(CloudId.TryDecode("demo:not*base64", out _, out var error));

        Assert.Equal("the part after the first ':' is not base64", error);
    }
}
