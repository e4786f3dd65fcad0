using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>The client against real HTTP listeners playing scripted answers.</summary>
public sealed class ClientBehaviourTests
{
    private const string Info = """{"name":"node-1","cluster_name":"docker-cluster","version":{"number":"8.15.3","build_flavor":"default"},"tagline":"You Know, for Search"}""";
    private const string Rejected429 = """{"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution"}],"type":"es_rejected_execution_exception","reason":"rejected execution"},"status":429}""";
    private static readonly EsRequest GetInfo = EsRequest.Get("", "info");

    [Fact]
    public async Task Fails_over_to_the_second_node_when_the_first_refuses_connections()
    {
        using var live = ScriptedNode.Playing(new ScriptedResponse(200, Info));
        var client = TestClients.Create(TestClients.Options(ScriptedNode.RefusingUrl(), live.Url));

        var first = await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);
        var second = await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, second.StatusCode);
        Assert.Equal(2, live.Requests.Count); // the refusing node is left out after its failure
    }

    [Fact]
    public async Task Spreads_requests_round_robin_over_healthy_nodes()
    {
        using var a = ScriptedNode.Playing(new ScriptedResponse(200, Info));
        using var b = ScriptedNode.Playing(new ScriptedResponse(200, Info));
        var client = TestClients.Create(TestClients.Options(a.Url, b.Url));

        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, a.Requests.Count);
        Assert.Equal(2, b.Requests.Count);
    }

    [Fact]
    public async Task Retries_a_503_then_succeeds()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(503, """{"error":"unavailable","status":503}"""), new ScriptedResponse(503, ""), new ScriptedResponse(200, Info));
        var client = TestClients.Create(TestClients.Options(node.Url));

        var response = await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, node.Requests.Count);
    }

    [Fact]
    public async Task Waits_the_backoff_after_a_429()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(429, Rejected429), new ScriptedResponse(429, Rejected429), new ScriptedResponse(200, Info));
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        var client = TestClients.Create(TestClients.Options(node.Url), backoff: backoff);

        await client.SendAsync(GetInfo, TestContext.Current.CancellationToken);

        var arrivals = node.Requests.Select(r => r.ArrivedAt).ToList();
        // Equal jitter: attempt n waits at least half of 200 ms * 2^n.
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(100), $"first wait {arrivals[1] - arrivals[0]}");
        Assert.True(arrivals[2] - arrivals[1] >= TimeSpan.FromMilliseconds(200), $"second wait {arrivals[2] - arrivals[1]}");
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_the_status_and_error_of_the_last_answer()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(429, Rejected429));
        var options = TestClients.Options(node.Url);
        options.MaxRetries = 2;
        var client = TestClients.Create(options);

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SendAsync(GetInfo, TestContext.Current.CancellationToken));

        Assert.Equal(3, node.Requests.Count);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("es_rejected_execution_exception", ex.ErrorType);
        Assert.Equal("rejected execution", ex.Reason);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Does_not_retry_a_400()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(400, """{"error":{"type":"parsing_exception","reason":"unknown query [foo]"},"status":400}"""));
        var client = TestClients.Create(TestClients.Options(node.Url));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SendAsync(GetInfo, TestContext.Current.CancellationToken));

        Assert.Single(node.Requests);
        Assert.Equal("Elasticsearch info failed: HTTP 400 parsing_exception: unknown query [foo]", ex.Message);
    }

    [Fact]
    public async Task An_accepted_status_is_returned_not_thrown()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(404, ""));
        var client = TestClients.Create(TestClients.Options(node.Url));

        var response = await client.SendAsync(EsRequest.Get("_index_template/ff-orders", "get_index_template") with { Accepted = new HashSet<int> { 404 } }, TestContext.Current.CancellationToken);

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task No_node_answering_is_an_error_without_a_status()
    {
        var options = TestClients.Options(ScriptedNode.RefusingUrl(), ScriptedNode.RefusingUrl());
        options.MaxRetries = 1;
        var client = TestClients.Create(options);

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SendAsync(GetInfo, TestContext.Current.CancellationToken));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Contains("(after 2 attempts)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_node_times_out_per_attempt()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Info, TimeSpan.FromSeconds(3)));
        var options = TestClients.Options(node.Url);
        options.RequestTimeoutSeconds = 1;
        options.MaxRetries = 0;
        var client = TestClients.Create(options);

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SendAsync(GetInfo, TestContext.Current.CancellationToken));

        Assert.Equal("Elasticsearch info failed: no node answered: no answer within the request timeout (after 1 attempts)", ex.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_retry()
    {
        using var cancel = new CancellationTokenSource();
        // Cancelled once the node holds the request: a timer could fire before a loaded machine even sent it.
        using var node = new ScriptedNode(_ =>
        {
            cancel.Cancel();
            return new ScriptedResponse(200, Info, TimeSpan.FromSeconds(3));
        });
        var client = TestClients.Create(TestClients.Options(node.Url));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(GetInfo, cancel.Token));

        Assert.Single(node.Requests);
    }
}
