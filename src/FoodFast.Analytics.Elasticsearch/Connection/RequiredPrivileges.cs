using System.Text.Json.Nodes;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// What the service's credentials must be allowed to do, the one list both the start-up check and docs/elasticsearch.md
/// ("Elastic Cloud: the API key's privileges") use:
/// <list type="bullet">
/// <item><c>monitor</c>: <c>GET /</c> (version check) and <c>_cluster/health</c>;</item>
/// <item><c>manage_index_templates</c>: component and composable templates; <c>manage_ilm</c>: the events policy;</item>
/// <item>orders and order lines: <c>read</c> (queries, exports, point in time), <c>write</c> (bulk, erasure's
/// <c>_update_by_query</c>), <c>create_index</c> (monthly indices), <c>delete_index</c> (retention),
/// <c>view_index_metadata</c> (aliases), <c>maintenance</c> (<c>_refresh</c> before erasure);</item>
/// <item>events: <c>read</c>, <c>write</c>, <c>create_index</c> (the data stream), and <c>manage</c>, because ILM runs
/// its rollover and delete as the last user who wrote the policy.</item>
/// </list>
/// </summary>
public static class RequiredPrivileges
{
    public static readonly IReadOnlyList<string> Cluster = ["monitor", "manage_index_templates", "manage_ilm"];

    public static IReadOnlyList<IndexGrant> Indices(IndexNames names) =>
    [
        new([$"{names.Prefix}-orders*", $"{names.Prefix}-order-lines*"],
            ["read", "write", "create_index", "delete_index", "view_index_metadata", "maintenance"]),
        new([$"{names.Prefix}-events*"], ["read", "write", "create_index", "manage"]),
    ];

    /// <summary>The role descriptor to give an API key (<c>POST /_security/api_key</c>, <c>role_descriptors</c>).</summary>
    public static JsonObject RoleDescriptor(IndexNames names) => new()
    {
        ["cluster"] = new JsonArray(Cluster.Select(c => (JsonNode?)c).ToArray()),
        ["indices"] = new JsonArray(Indices(names).Select(g => (JsonNode?)new JsonObject
        {
            ["names"] = new JsonArray(g.Names.Select(n => (JsonNode?)n).ToArray()),
            ["privileges"] = new JsonArray(g.Privileges.Select(p => (JsonNode?)p).ToArray()),
        }).ToArray()),
    };
}

public sealed record IndexGrant(IReadOnlyList<string> Names, IReadOnlyList<string> Privileges);
