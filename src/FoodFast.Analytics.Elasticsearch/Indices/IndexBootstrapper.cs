using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport.Products.Elasticsearch;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Elasticsearch.Connection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>
/// Makes the cluster ready, idempotently and safely from several instances: the events lifecycle policy, then the
/// component and index templates (each written only when missing or older than <see cref="TemplateSet.Version"/>, so an
/// older instance never downgrades a newer one), the events data stream, and this month's order indices so the read
/// aliases exist before the first write. The policy is also rewritten when <c>Retention:EventsDays</c> changed. Templates apply to indices created afterwards; existing indices keep their mappings.
/// Versions are read, and the data stream and indices created, with typed calls. The templates and the policy are
/// written as the JSON resources they are: those files are the one source of the mappings (the tests of the Kibana
/// saved objects, the query compiler's keyword sub-fields and the golden files read them), and a typed copy would be a
/// second one. So their PUTs are the one use of <see cref="ClusterClient.SendAsync"/>, the client's transport.
/// </summary>
public sealed class IndexBootstrapper(ClusterClient client, IndexNames names, ElasticsearchOptions options, RetentionOptions retention, TimeProvider time, ILogger logger)
{
    private static readonly HashSet<int> Missing = [404];
    private static readonly HashSet<int> AlreadyExists = [400];

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        var templates = new TemplateSet(names, options);
        await EnsurePolicyAsync(templates.EventsPolicy(retention.EventsDays), cancellationToken);
        foreach (var (name, body) in templates.ComponentTemplates())
        {
            var found = await client.CallAsync("get_component_template", (es, ct) => es.Cluster.GetComponentTemplateAsync(name, ct), cancellationToken, Missing);
            await EnsureTemplateAsync("_component_template", name, Absent(found) ? null : found.ComponentTemplates.FirstOrDefault()?.ComponentTemplateNode.Version, body, cancellationToken);
        }
        foreach (var (name, body) in templates.IndexTemplates())
        {
            var found = await client.CallAsync("get_index_template", (es, ct) => es.Indices.GetIndexTemplateAsync(name, ct), cancellationToken, Missing);
            await EnsureTemplateAsync("_index_template", name, Absent(found) ? null : found.IndexTemplates.FirstOrDefault()?.IndexTemplate.Version, body, cancellationToken);
        }
        await CreateAsync("create_data_stream", (es, ct) => es.Indices.CreateDataStreamAsync(names.Events.ReadAlias, ct), cancellationToken);
        var now = time.GetUtcNow();
        await CreateAsync("create_index", (es, ct) => es.Indices.CreateAsync(names.Orders.WriteTarget(now), ct), cancellationToken);
        await CreateAsync("create_index", (es, ct) => es.Indices.CreateAsync(names.OrderLines.WriteTarget(now), ct), cancellationToken);
    }

    private async Task EnsureTemplateAsync(string api, string name, long? version, JsonObject body, CancellationToken cancellationToken)
    {
        var installed = (int?)version;
        if (IsCurrent(installed, name))
        {
            return;
        }
        await client.SendAsync(Put($"{api}/{name}", $"put{api}", body), cancellationToken);
        logger.LogInformation("Installed {Api} {Name} version {Version} (was {Installed})", api, name, TemplateSet.Version, installed?.ToString() ?? "absent");
    }

    private async Task EnsurePolicyAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var name = names.EventsPolicy;
        var found = await client.CallAsync("get_ilm_policy", (es, ct) => es.IndexLifecycleManagement.GetLifecycleAsync(name, ct), cancellationToken, Missing);
        var meta = Absent(found) ? null : found.Lifecycles.GetValueOrDefault(name)?.Policy.Meta;
        var installed = Number(meta, "template_version");
        if (!IsCurrent(installed, name) || (installed == TemplateSet.Version && Number(meta, "events_days") != retention.EventsDays))
        {
            await client.SendAsync(Put($"_ilm/policy/{name}", "put_ilm_policy", body), cancellationToken);
        }
    }

    /// <summary>A number the policy's <c>_meta</c> holds (the client reads <c>_meta</c> values as JSON elements).</summary>
    private static int? Number(IDictionary<string, object>? meta, string key) =>
        meta?.TryGetValue(key, out var value) == true && value is JsonElement { ValueKind: JsonValueKind.Number } number ? number.GetInt32() : null;

    private static bool Absent(ElasticsearchResponse response) => response.ApiCallDetails.HttpStatusCode == 404;

    private bool IsCurrent(int? installed, string name)
    {
        if (installed > TemplateSet.Version)
        {
            logger.LogInformation("{Name} has version {Installed}, newer than this service's {Version}; leaving it", name, installed, TemplateSet.Version);
        }
        return installed >= TemplateSet.Version;
    }

    /// <summary>A create that treats 400 <c>resource_already_exists_exception</c> as done (§1.6: ES answers 400, not 409).</summary>
    private async Task CreateAsync<T>(string operation, Func<ElasticsearchClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : ElasticsearchResponse
    {
        var response = await client.CallAsync(operation, call, cancellationToken, AlreadyExists);
        if (!response.IsValidResponse && response.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
        {
            throw ElasticsearchException.From(operation, response.ApiCallDetails.HttpStatusCode, response.ElasticsearchServerError, response.ApiCallDetails.OriginalException);
        }
    }

    private static EsRequest Put(string path, string operation, JsonObject body) =>
        EsRequest.Json(HttpMethod.Put, path, operation, Encoding.UTF8.GetBytes(body.ToJsonString()));
}
