using System.Text.Json;
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
            templates.Add(await TemplateAsync("_component_template", "component_templates", "component_template", name, cancellationToken));
        }
        foreach (var (name, _) in set.IndexTemplates())
        {
            templates.Add(await TemplateAsync("_index_template", "index_templates", "index_template", name, cancellationToken));
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

    private async Task<TemplateState> TemplateAsync(string api, string listKey, string itemKey, string name, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(EsRequest.Get($"{api}/{name}", $"get{api}") with { Accepted = Missing }, cancellationToken);
        int? installed = null;
        if (response.StatusCode != 404)
        {
            using var document = JsonDocument.Parse(response.Body);
            var item = document.RootElement.GetProperty(listKey).EnumerateArray().FirstOrDefault();
            installed = item.ValueKind == JsonValueKind.Object && item.GetProperty(itemKey).TryGetProperty("version", out var v) ? v.GetInt32() : null;
        }
        return new TemplateState(itemKey, name, installed, TemplateSet.Version, installed >= TemplateSet.Version);
    }

    /// <summary><c>GET /_alias/&lt;a&gt;</c> answers <c>{"&lt;index&gt;":{"aliases":{"&lt;a&gt;":{}}}}</c>, keyed by the concrete indices.</summary>
    private async Task<TargetState> AliasAsync(string alias, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(EsRequest.Get($"_alias/{alias}", "get_alias") with { Accepted = Missing }, cancellationToken);
        if (response.StatusCode == 404)
        {
            return new TargetState("alias", alias, false, [], null);
        }
        using var document = JsonDocument.Parse(response.Body);
        return new TargetState("alias", alias, true, document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), null);
    }

    private async Task<TargetState> DataStreamAsync(string name, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(EsRequest.Get($"_data_stream/{name}", "get_data_stream") with { Accepted = Missing }, cancellationToken);
        if (response.StatusCode == 404)
        {
            return new TargetState("data_stream", name, false, [], null);
        }
        using var document = JsonDocument.Parse(response.Body);
        var stream = document.RootElement.GetProperty("data_streams").EnumerateArray().FirstOrDefault();
        if (stream.ValueKind != JsonValueKind.Object)
        {
            return new TargetState("data_stream", name, false, [], null);
        }
        var indices = stream.GetProperty("indices").EnumerateArray().Select(i => i.GetProperty("index_name").GetString()!).ToList();
        return new TargetState("data_stream", name, true, indices, stream.TryGetProperty("status", out var s) ? s.GetString()?.ToLowerInvariant() : null);
    }
}
