using System.Net;
using FoodFast.Analytics.IntegrationTests.Infrastructure;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.IntegrationTests.Elasticsearch;

/// <summary>
/// The built service as its own process with <c>ELASTICSEARCH_URL</c> pointed at a listener in the test: a cluster
/// it can never use (Elasticsearch 8, OpenSearch, a key without a privilege) ends start-up with exit code 1 and one
/// line; a cluster that is only failing keeps being retried.
/// </summary>
public sealed class UnsupportedClusterStartupTests : IAsyncLifetime
{
    private const string Refused = "FoodFast Analytics did not start: ";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    [Fact]
    public async Task Elasticsearch_8_stops_start_up_naming_the_version_found_and_needed()
    {
        // An 8.x node refuses the 9.x client's compatible-with=9 header (RestCompatibleVersionHelper) and answers plain JSON.
        using var node = new ScriptedNode(r => r.Headers["Accept"].Contains("compatible-with=9", StringComparison.Ordinal)
            ? new ScriptedResponse(400, """{"error":{"root_cause":[{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Accept]"}],"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Accept]","caused_by":{"type":"status_exception","reason":"Accept version must be either version 8 or 7, but found 9. Accept=application/vnd.elasticsearch+json; compatible-with=9"}},"status":400}""")
            : new ScriptedResponse(200, ClusterAnswers.Info("8.19.0", lucene: "9.12.2", minimumWire: "7.17.0", minimumIndex: "7.0.0")));

        await AssertStopsWithAsync(node, "the cluster runs Elasticsearch 8.19.0; this service needs Elasticsearch 9.x");
        Assert.All(node.Requests, r => Assert.Equal(("GET", "/"), (r.Method, r.PathAndQuery)));
    }

    [Fact]
    public async Task OpenSearch_stops_start_up_naming_the_product_found_and_the_version_needed()
    {
        using var node = new ScriptedNode(_ => new ScriptedResponse(200, """{"name":"os1","cluster_name":"opensearch","cluster_uuid":"Xo6MjYq5TbK1Ewvn7z4yZw","version":{"distribution":"opensearch","number":"2.17.1","build_type":"tar","build_hash":"1893d20797e30110e5877170e44d42275ce5951e","build_date":"2024-09-26T21:59:52.691008096Z","build_snapshot":false,"lucene_version":"9.11.1","minimum_wire_compatibility_version":"7.10.0","minimum_index_compatibility_version":"7.0.0"},"tagline":"The OpenSearch Project: https://opensearch.org/"}"""), isElasticsearch: false);

        await AssertStopsWithAsync(node, "the cluster runs a server that does not identify as Elasticsearch (no X-Elastic-Product header: OpenSearch or another product); this service needs Elasticsearch 9.x");
    }

    [Fact]
    public async Task A_missing_privilege_stops_start_up_naming_it()
    {
        using var node = new ScriptedNode(r => (r.Method, r.PathAndQuery) switch
        {
            ("GET", "/") => new ScriptedResponse(200, ClusterAnswers.Info()),
            ("POST", "/_security/user/_has_privileges") => new ScriptedResponse(200, WithoutManageIlm),
            _ => new ScriptedResponse(400, """{"error":{"type":"illegal_argument_exception","reason":"not scripted"},"status":400}"""),
        });

        await AssertStopsWithAsync(node, "the credentials of Storage:Elasticsearch lack cluster privilege manage_ilm "
            + "(see docs/elasticsearch.md, \"Elastic Cloud: the API key's privileges\")");
        Assert.DoesNotContain(node.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_cluster_answering_503_is_retried_and_the_service_stays_up_not_ready()
    {
        using var node = new ScriptedNode(_ => new ScriptedResponse(503, """{"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}"""));
        await using var service = ServiceProcess.Start(Environment(node.Url));
        using var client = service.CreateClient();

        var deadline = DateTime.UtcNow + Bound;
        while (node.Requests.Count(r => r.PathAndQuery == "/") < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        var ready = await ReadinessAsync(client);

        Assert.True(node.Requests.Count(r => r.PathAndQuery == "/") >= 3, service.Output);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.DoesNotContain(Refused, service.Output, StringComparison.Ordinal);
        Assert.Equal(0, await service.StopAsync(Bound));
    }

    private async Task AssertStopsWithAsync(ScriptedNode node, string line)
    {
        await using var service = ServiceProcess.Start(Environment(node.Url));

        var exitCode = await service.WaitForExitAsync(Bound);

        Assert.Equal(1, exitCode);
        Assert.Equal([Refused + line], service.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(line, StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", service.Output, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode?> ReadinessAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        return null;
    }

    private Dictionary<string, string> Environment(string url) => new()
    {
        ["Postgres__ConnectionString"] = _database.ConnectionString,
        ["Redis__Configuration"] = TestServers.Redis,
        ["Redis__KeyPrefix"] = $"fftest:{_database.Name}:",
        ["ELASTICSEARCH_URL"] = url,
        ["Storage__Elasticsearch__MaxRetries"] = "0",
    };

    /// <summary>The has_privileges answer (shaped as its documentation shows) of a key granted everything but <c>manage_ilm</c>.</summary>
    private const string WithoutManageIlm = """
        {"username":"foodfast","has_all_requested":false,
         "cluster":{"monitor":true,"manage_index_templates":true,"manage_ilm":false},
         "index":{"ff-orders*":{"read":true,"write":true,"create_index":true,"delete_index":true,"view_index_metadata":true,"maintenance":true},
                  "ff-order-lines*":{"read":true,"write":true,"create_index":true,"delete_index":true,"view_index_metadata":true,"maintenance":true},
                  "ff-events*":{"read":true,"write":true,"create_index":true,"manage":true}},
         "application":{}}
        """;

}
