using System.Text.Json.Nodes;
using FoodFast.Analytics.Elasticsearch;
using FoodFast.Analytics.Elasticsearch.Connection;
using FoodFast.Analytics.Elasticsearch.Indices;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>A field as Elasticsearch maps it; <paramref name="UnderNested"/> when it or a parent is <c>nested</c>.</summary>
public sealed record MappedField(string Path, string Type, bool UnderNested);

/// <summary>
/// The fields behind a data view title, from the templates the service itself installs (<see cref="TemplateSet"/> over
/// its embedded resources, default prefix): the index template whose read alias or data stream is the title, merged
/// from the component templates it is composed of. Multi-fields appear as <c>name.keyword</c>.
/// </summary>
public static class InstalledMappings
{
    public const string Prefix = "ff";

    public static IndexNames Names { get; } = new(Prefix);

    private static readonly TemplateSet Templates = new(Names, new ElasticsearchOptions { Urls = "http://es:9200" });

    /// <summary>The read targets the service creates: every data view title must be one of them.</summary>
    public static IReadOnlyList<string> ReadTargets { get; } = Templates.IndexTemplates().Select(t => t.Name).ToList();

    public static IReadOnlyDictionary<string, MappedField> For(string dataViewTitle)
    {
        var (_, template) = Templates.IndexTemplates().Single(t => Targets(t.Body).Contains(dataViewTitle));
        var components = Templates.ComponentTemplates().ToDictionary(c => c.Name, c => c.Body);
        var fields = new Dictionary<string, MappedField>(StringComparer.Ordinal);
        foreach (var name in template["composed_of"]!.AsArray().Select(n => (string)n!))
        {
            Collect(components[name]["template"]?["mappings"]?["properties"], "", false, fields);
        }
        Collect(template["template"]?["mappings"]?["properties"], "", false, fields);
        return fields;
    }

    // A monthly-index template is read through its alias; a data stream template through its one index pattern.
    private static IEnumerable<string> Targets(JsonObject template) =>
        template["data_stream"] is not null
            ? template["index_patterns"]!.AsArray().Select(p => (string)p!)
            : template["template"]?["aliases"]?.AsObject().Select(a => a.Key) ?? [];

    private static void Collect(JsonNode? properties, string prefix, bool underNested, Dictionary<string, MappedField> into)
    {
        foreach (var (name, mapping) in properties?.AsObject() ?? [])
        {
            var path = prefix + name;
            var type = (string?)mapping!["type"] ?? "object";
            var nested = underNested || type == "nested";
            into[path] = new MappedField(path, type, nested);
            Collect(mapping["properties"], path + ".", nested, into);
            foreach (var (sub, subMapping) in mapping["fields"]?.AsObject() ?? [])
            {
                into[$"{path}.{sub}"] = new MappedField($"{path}.{sub}", (string)subMapping!["type"]!, nested);
            }
        }
    }
}
