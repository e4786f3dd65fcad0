using System.Globalization;
using System.Text.Json.Nodes;
using FoodFast.Analytics.Elasticsearch.Connection;

namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>
/// The templates and lifecycle policy this service installs, rendered from the embedded <c>Resources/*.json</c>:
/// placeholders (<c>{{prefix}}</c>, <c>"{{shards}}"</c>, ...) are filled in and the result re-parsed, so a broken
/// resource fails at start-up, not in the cluster. <see cref="Version"/> goes into each <c>_meta</c>; raise it whenever
/// a resource changes so running clusters are upgraded.
/// </summary>
public sealed class TemplateSet(IndexNames names, ElasticsearchOptions options)
{
    public const int Version = 2;

    /// <summary>Component templates, in install order (an index template may only name components that exist).</summary>
    public IReadOnlyList<(string Name, JsonObject Body)> ComponentTemplates() =>
    [
        ($"{names.Prefix}-settings", Settings()),
        ($"{names.Prefix}-orders-mappings", Render("component-orders-mappings")),
        ($"{names.Prefix}-order-lines-mappings", Render("component-order-lines-mappings")),
        ($"{names.Prefix}-events-mappings", Render("component-events-mappings")),
    ];

    public IReadOnlyList<(string Name, JsonObject Body)> IndexTemplates() =>
    [
        (names.Orders.ReadAlias, Render("index-template-orders")),
        (names.OrderLines.ReadAlias, Render("index-template-order-lines")),
        (names.Events.ReadAlias, Render("index-template-events")),
    ];

    /// <summary>
    /// The events ILM policy. Its delete phase deletes a backing
    /// index <paramref name="retentionDays"/> (<c>Retention:EventsDays</c>) after rollover; 0 renders no delete phase.
    /// </summary>
    public JsonObject EventsPolicy(int retentionDays)
    {
        var body = Render("ilm-events", retentionDays);
        if (retentionDays == 0)
        {
            body["policy"]!["phases"]!.AsObject().Remove("delete");
        }
        return body;
    }

    public JsonObject Render(string resource) => Render(resource, retentionDays: 0);

    private JsonObject Render(string resource, int retentionDays)
    {
        var text = Load(resource)
            .Replace("{{prefix}}", names.Prefix, StringComparison.Ordinal)
            .Replace("\"{{template_version}}\"", Number(Version), StringComparison.Ordinal)
            .Replace("{{template_version}}", Number(Version), StringComparison.Ordinal)
            .Replace("\"{{shards}}\"", Number(options.Shards), StringComparison.Ordinal)
            .Replace("\"{{retention_days}}\"", Number(retentionDays), StringComparison.Ordinal)
            .Replace("{{retention_days}}", Number(retentionDays), StringComparison.Ordinal);
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"template resource {resource} is empty");
    }

    private JsonObject Settings()
    {
        var body = Render("component-settings");
        if (options.Replicas is { } replicas)
        {
            var settings = body["template"]!["settings"]!.AsObject();
            settings.Remove("index.auto_expand_replicas");
            settings["index.number_of_replicas"] = replicas;
        }
        return body;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Load(string resource)
    {
        using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream($"indices/{resource}.json")
            ?? throw new InvalidOperationException($"missing embedded resource indices/{resource}.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
