using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using FoodFast.Analytics.UnitTests.Deployment;
using FoodFast.Analytics.UnitTests.Elasticsearch.Support;

namespace FoodFast.Analytics.UnitTests.Elasticsearch;

/// <summary>The start-up privilege check, against answers shaped as the has_privileges documentation shows them.</summary>
public sealed partial class PrivilegeCheckTests
{
    private const string Path = "/_security/user/_has_privileges";

    [Fact]
    public async Task Asks_for_the_documented_privileges_and_passes_when_all_are_granted()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Answer(granted: true)));

        await Check(node).EnsureAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(node.Requests);
        Assert.Equal(("POST", Path), (request.Method, request.PathAndQuery));
        Snapshots.Match("has-privileges.json", request.BodyText);
    }

    [Fact]
    public async Task A_missing_privilege_stops_start_up_with_one_line_naming_it()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(200, Answer(granted: false)));

        var ex = await Assert.ThrowsAsync<FoodFast.Analytics.Core.Storage.StoreRefusedException>(() => Check(node).EnsureAsync(TestContext.Current.CancellationToken));

        Assert.Equal("the credentials of Storage:Elasticsearch lack cluster privilege manage_ilm, index privilege manage on ff-events* "
            + "(see docs/elasticsearch.md, \"Elastic Cloud: the API key's privileges\")", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_cluster_without_security_has_nothing_to_check()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(500, """{"error":{"root_cause":[{"type":"illegal_state_exception","reason":"Security is not enabled but a security rest handler is registered"}],"type":"illegal_state_exception","reason":"Security is not enabled but a security rest handler is registered"},"status":500}"""));

        await Check(node).EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task Another_500_is_an_error()
    {
        using var node = ScriptedNode.Playing(new ScriptedResponse(500, """{"error":{"root_cause":[{"type":"null_pointer_exception","reason":"boom"}],"type":"null_pointer_exception","reason":"boom"},"status":500}"""));

        var ex = await Assert.ThrowsAsync<ElasticsearchException>(() => Check(node).EnsureAsync(TestContext.Current.CancellationToken));

        Assert.Equal((500, "null_pointer_exception"), (ex.StatusCode, ex.ErrorType));
    }

    [Fact]
    public void The_documented_role_descriptor_is_the_one_the_code_checks()
    {
        var doc = RepoFile.Read("docs/elasticsearch.md");
        var block = RoleBlock().Match(doc);

        Assert.True(block.Success, "docs/elasticsearch.md has no ROLE json block");
        var documented = JsonNode.Parse(block.Groups[1].Value);
        var code = RequiredPrivileges.RoleDescriptor(new IndexNames("ff"));
        Assert.True(JsonNode.DeepEquals(code, documented), $"docs: {documented?.ToJsonString()}\ncode: {code.ToJsonString()}");
    }

    private static PrivilegeCheck Check(ScriptedNode node)
    {
        var options = TestClients.Options(node.Url);
        options.MaxRetries = 0;
        return new PrivilegeCheck(TestClients.Create(options), new IndexNames("ff"));
    }

    /// <summary>The documented response shape: <c>username</c>, <c>has_all_requested</c>, <c>cluster</c>, <c>index</c> (per name, per privilege), <c>application</c>.</summary>
    private static string Answer(bool granted) => $$$"""
        {"username":"foodfast","has_all_requested":{{{(granted ? "true" : "false")}}},
         "cluster":{"monitor":true,"manage_index_templates":true,"manage_ilm":{{{(granted ? "true" : "false")}}}},
         "index":{"ff-orders*":{"read":true,"write":true,"create_index":true,"delete_index":true,"view_index_metadata":true,"maintenance":true},
                  "ff-order-lines*":{"read":true,"write":true,"create_index":true,"delete_index":true,"view_index_metadata":true,"maintenance":true},
                  "ff-events*":{"read":true,"write":true,"create_index":true,"manage":{{{(granted ? "true" : "false")}}}}},
         "application":{}}
        """;

    [GeneratedRegex("where `ROLE` is:\\s*```json\\s*(\\{.*?\\})\\s*```", RegexOptions.Singleline)]
    private static partial Regex RoleBlock();
}
