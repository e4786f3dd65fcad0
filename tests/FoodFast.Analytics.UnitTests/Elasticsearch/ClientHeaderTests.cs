using System.Text;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>What the client puts on the wire: the compatibility media types, gzip, credentials, and where credentials never go.</summary>
public sealed class ClientHeaderTests
{
    private const string Info = """{"name":"node-1","cluster_name":"docker-cluster","version":{"number":"8.15.3","build_flavor":"default"},"tagline":"You Know, for Search"}""";
    private static readonly EsRequest GetInfo = EsRequest.Get("", "info");

    [Fact]
    public async Task Sends_the_version_9_compatible_media_types_gzipped_and_ndjson_for_bulk()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, """{"took":1,"errors":false,"items":[]}"""));
        var client = TestClients.Create(TestClients.Options(node.Url));

        await client.SendAsync(EsRequest.Json(HttpMethod.Put, "_index_template/ff-orders", "put", "{}"u8.ToArray()), TestContext.Current.CancellationToken);
        await client.SendAsync(new EsRequest(HttpMethod.Post, "_bulk", "bulk") { Body = "{}\n"u8.ToArray(), IsNdjson = true }, TestContext.Current.CancellationToken);

        var put = node.Requests[0];
        var bulk = node.Requests[1];
        Assert.Equal(("PUT", "/_index_template/ff-orders"), (put.Method, put.PathAndQuery));
        Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", put.Headers["Content-Type"]);
        Assert.Equal("application/vnd.elasticsearch+json;compatible-with=9", put.Headers["Accept"]);
        Assert.Equal("gzip", put.Headers["Content-Encoding"]);
        Assert.Equal("application/x-ndjson", bulk.Headers["Content-Type"]);
        Assert.Equal("{}\n", bulk.BodyText);
        Assert.False(put.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Sends_the_api_key_as_given()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Info));
        var options = TestClients.Options(node.Url);
        options.ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
        var client = TestClients.Create(options);

        await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);

        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", node.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Credentials_reach_the_node_but_never_logs_or_exception_messages()
    {
        const string password = "s3cret-Pa55word";
        using var node = ScriptedNode.Playing(new ScriptedResponse(503, ""), new ScriptedResponse(401, """{"error":{"type":"security_exception","reason":"unable to authenticate user [elastic] for REST request [/]"},"status":401}"""));
        var options = TestClients.Options(ScriptedNode.RefusingUrl(), node.Url);
        options.Username = "elastic";
        options.Password = password;
        var logger = new CapturingLogger();
        var client = TestClients.Create(options, logger);

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SendAsync(GetInfo, TestContext.Current.CancellationToken));

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"elastic:{password}"));
        Assert.Equal($"Basic {basic}", node.Requests[0].Headers["Authorization"]);
        Assert.Equal(401, ex.StatusCode);
        Assert.NotEmpty(logger.Lines);
        foreach (var text in logger.Lines.Append(ex.ToString()))
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
        }
    }
}
