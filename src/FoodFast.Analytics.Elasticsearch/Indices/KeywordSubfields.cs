using System.Text.Json.Nodes;

namespace FoodFast.Analytics.Elasticsearch.Indices;

/// <summary>
/// Fields our mappings store as <c>text</c> with a <c>keyword</c> sub-field (<c>query</c>, <c>product_name</c>): terms
/// sources, terms filters and sorts must use <c>field.keyword</c>, since a <c>text</c> field has no doc values (a
/// composite over it is a 400) and matches single words. Read from the mapping resources, so they stay the one source.
/// </summary>
public static class KeywordSubfields
{
    private static readonly HashSet<string> TextWithKeyword = Read();

    /// <summary>The field to aggregate, filter by whole values or sort on: the keyword sub-field of a text field, else the field.</summary>
    public static string Exact(string field) => TextWithKeyword.Contains(field) ? field + ".keyword" : field;

    private static HashSet<string> Read()
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in new[] { "component-orders-mappings", "component-order-lines-mappings", "component-events-mappings" })
        {
            var properties = JsonNode.Parse(TemplateSet.Load(resource))!["template"]!["mappings"]!["properties"]!.AsObject();
            foreach (var (name, mapping) in properties)
            {
                if (mapping?["type"]?.GetValue<string>() == "text" && mapping["fields"]?["keyword"]?["type"]?.GetValue<string>() == "keyword")
                {
                    fields.Add(name);
                }
            }
        }
        return fields;
    }
}
