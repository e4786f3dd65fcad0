using Elastic.Clients.Elasticsearch.Security;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>
/// Asks <c>_security/user/_has_privileges</c> for <see cref="RequiredPrivileges"/> at start-up and stops with one line
/// naming what is missing (a <see cref="StoreRefusedException"/>). A cluster without security answers that API with a 500 <c>illegal_state_exception</c>
/// ("Security is not enabled but a security rest handler is registered"): then there is nothing to check.
/// </summary>
public sealed class PrivilegeCheck(ClusterClient client, IndexNames names)
{
    private static readonly HashSet<int> SecurityOff = [500];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var response = await client.CallAsync("has_privileges", (es, ct) => es.Security.HasPrivilegesAsync(Request(names), ct), cancellationToken, SecurityOff);
        if (!response.IsValidResponse)
        {
            var error = response.ElasticsearchServerError?.Error;
            if (error?.Type == "illegal_state_exception" && error.Reason?.Contains("Security is not enabled", StringComparison.Ordinal) == true)
            {
                return;
            }
            throw ElasticsearchException.From("has_privileges", 500, response.ElasticsearchServerError, response.ApiCallDetails.OriginalException);
        }
        if (Missing(response) is { Count: > 0 } missing)
        {
            throw new StoreRefusedException(
                $"the credentials of {ElasticsearchOptions.Section} lack {string.Join(", ", missing)} (see docs/elasticsearch.md, \"Elastic Cloud: the API key's privileges\")");
        }
    }

    public static HasPrivilegesRequest Request(IndexNames names) => new()
    {
        Cluster = RequiredPrivileges.Cluster.Select(c => new ClusterPrivilege(c)).ToList(),
        Index = RequiredPrivileges.Indices(names)
            .Select(g => new IndexPrivilegesCheck(Elastic.Clients.Elasticsearch.Indices.Parse(string.Join(',', g.Names)), g.Privileges.Select(p => new IndexPrivilege(p)).ToList()))
            .ToList(),
    };

    /// <summary>Each privilege answered false: <c>cluster privilege manage_ilm</c>, <c>index privilege manage on ff-events*</c>.</summary>
    public static IReadOnlyList<string> Missing(HasPrivilegesResponse response) =>
        response.Cluster.Where(p => !p.Value).Select(p => $"cluster privilege {p.Key}")
            .Concat(response.Index.SelectMany(i => i.Value.Where(p => !p.Value).Select(p => $"index privilege {p.Key} on {i.Key}")))
            .ToList();
}
