using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Elasticsearch.Health;

/// <summary>
/// Reads the cluster (<c>GET /</c>, <c>_cluster/health</c>) and the state of our templates (installed version against
/// <see cref="TemplateSet.Version"/>), our read aliases and the events data stream. Read-only; installs nothing.
/// </summary>
public sealed class ElasticsearchStatusReader(ClusterClient client, ClusterProbe probe, IndexNames names, IOptions<ElasticsearchOptions> options)
{
    private static readonly HashSet<int> Missing = [404];

    public async Task<ElasticsearchStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var identity = await probe.IdentifyAsync(cancellationToken);
        var health = await client.CallAsync("cluster_health", (es, ct) => es.Cluster.HealthAsync(ct), cancellationToken);
        var set = new TemplateSet(names, options.Value);
        var templates = new List<TemplateState>();
        foreach (var (name, _) in set.ComponentTemplates())
        {
            var found = await client.CallAsync("get_component_template", (es, ct) => es.Cluster.GetComponentTemplateAsync(name, ct), cancellationToken, Missing);
            templates.Add(Template("component_template", name, Absent(found) ? null : found.ComponentTemplates.FirstOrDefault()?.ComponentTemplateNode.Version));
        }
        foreach (var (name, _) in set.IndexTemplates())
        {
            var found = await client.CallAsync("get_index_template", (es, ct) => es.Indices.GetIndexTemplateAsync(name, ct), cancellationToken, Missing);
            templates.Add(Template("index_template", name, Absent(found) ? null : found.IndexTemplates.FirstOrDefault()?.IndexTemplate.Version));
        }
        var targets = new List<TargetState>
        {
            await AliasAsync(names.Orders.ReadAlias, cancellationToken),
            await AliasAsync(names.OrderLines.ReadAlias, cancellationToken),
            await DataStreamAsync(names.Events.ReadAlias, cancellationToken),
        };
        return new ElasticsearchStatus(health.ClusterName, identity.Version, "elasticsearch", health.Status.ToString().ToLowerInvariant(),
            health.NumberOfNodes, templates, targets);
    }

    private static bool Absent(Elastic.Transport.Products.Elasticsearch.ElasticsearchResponse response) => response.ApiCallDetails.HttpStatusCode == 404;

    private static TemplateState Template(string kind, string name, long? version)
    {
        var installed = (int?)version;
        return new TemplateState(kind, name, installed, TemplateSet.Version, installed >= TemplateSet.Version);
    }

    /// <summary><c>GET /_alias/&lt;a&gt;</c> answers <c>{"&lt;index&gt;":{"aliases":{"&lt;a&gt;":{}}}}</c>, keyed by the concrete indices.</summary>
    private async Task<TargetState> AliasAsync(string alias, CancellationToken cancellationToken)
    {
        var found = await client.CallAsync("get_alias", (es, ct) => es.Indices.GetAliasAsync(new GetAliasRequest((Names)alias), ct), cancellationToken, Missing);
        return Absent(found)
            ? new TargetState("alias", alias, false, [], null)
            : new TargetState("alias", alias, true, found.Aliases!.Keys.Order(StringComparer.Ordinal).ToList(), null);
    }

    private async Task<TargetState> DataStreamAsync(string name, CancellationToken cancellationToken)
    {
        var found = await client.CallAsync("get_data_stream", (es, ct) => es.Indices.GetDataStreamAsync(name, ct), cancellationToken, Missing);
        if (Absent(found) || found.DataStreams.FirstOrDefault() is not { } stream)
        {
            return new TargetState("data_stream", name, false, [], null);
        }
        return new TargetState("data_stream", name, true, stream.Indices.Select(i => i.IndexName).ToList(), stream.Status.ToString().ToLowerInvariant());
    }
}
