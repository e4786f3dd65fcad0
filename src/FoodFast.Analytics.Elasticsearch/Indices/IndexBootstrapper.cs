using System.Text;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Core.Retention;
using FoodFast.Analytics.Elasticsearch.Connection;
using Microsoft.Extensions.Logging;

namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>
/// Makes the cluster ready, idempotently and safely from several instances: the events lifecycle policy, then the
/// component and index templates (each written only when missing or older than <see cref="TemplateSet.Version"/>, so an
/// older instance never downgrades a newer one), the events data stream, and this month's order indices so the read
/// aliases exist before the first write. The policy is also rewritten when <c>Retention:EventsDays</c> changed. Templates apply to indices created afterwards; existing indices keep their mappings.
/// The templates and the policy stay JSON resources rather than typed requests: they are the one source of the
/// mappings (the tests of the Kibana saved objects, the query compiler's keyword sub-fields and the golden files read them), and a
/// typed copy would be a second one. So they go through <see cref="ClusterClient.SendAsync"/>, the client's transport.
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
            await EnsureTemplateAsync("_component_template", "component_templates", "component_template", name, body, cancellationToken);
        }
        foreach (var (name, body) in templates.IndexTemplates())
        {
            await EnsureTemplateAsync("_index_template", "index_templates", "index_template", name, body, cancellationToken);
        }
        await CreateAsync($"_data_stream/{names.Events.ReadAlias}", "create_data_stream", null, cancellationToken);
        var now = time.GetUtcNow();
        await CreateAsync(names.Orders.WriteTarget(now), "create_index", "{}"u8.ToArray(), cancellationToken);
        await CreateAsync(names.OrderLines.WriteTarget(now), "create_index", "{}"u8.ToArray(), cancellationToken);
    }

    private async Task EnsureTemplateAsync(string api, string listKey, string itemKey, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var found = await client.SendAsync(EsRequest.Get($"{api}/{name}", $"get{api}") with { Accepted = Missing }, cancellationToken);
        var installed = found.StatusCode == 404 ? null : JsonNode.Parse(found.Body)?[listKey]?[0]?[itemKey]?["version"]?.GetValue<int>();
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
        var found = await client.SendAsync(EsRequest.Get($"_ilm/policy/{name}", "get_ilm_policy") with { Accepted = Missing }, cancellationToken);
        var meta = found.StatusCode == 404 ? null : JsonNode.Parse(found.Body)?[name]?["policy"]?["_meta"];
        var installed = meta?["template_version"]?.GetValue<int>();
        if (!IsCurrent(installed, name) || (installed == TemplateSet.Version && meta?["events_days"]?.GetValue<int>() != retention.EventsDays))
        {
            await client.SendAsync(Put($"_ilm/policy/{name}", "put_ilm_policy", body), cancellationToken);
        }
    }

    private bool IsCurrent(int? installed, string name)
    {
        if (installed > TemplateSet.Version)
        {
            logger.LogInformation("{Name} has version {Installed}, newer than this service's {Version}; leaving it", name, installed, TemplateSet.Version);
        }
        return installed >= TemplateSet.Version;
    }

    /// <summary>PUT that treats 400 <c>resource_already_exists_exception</c> as done (§1.6: ES answers 400, not 409).</summary>
    private async Task CreateAsync(string path, string operation, byte[]? body, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(new EsRequest(HttpMethod.Put, path, operation) { Body = body, Accepted = AlreadyExists }, cancellationToken);
        if (response.StatusCode == 400 && ErrorBody.Read(response.Body).Type != "resource_already_exists_exception")
        {
            throw ElasticsearchException.From(operation, response);
        }
    }

    private static EsRequest Put(string path, string operation, JsonObject body) =>
        EsRequest.Json(HttpMethod.Put, path, operation, Encoding.UTF8.GetBytes(body.ToJsonString()));
}
