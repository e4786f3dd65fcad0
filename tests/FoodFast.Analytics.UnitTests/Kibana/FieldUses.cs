using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// One use of a field by a saved object: a Lens column (its operation), a KQL query or filter (<c>kql</c>, with the
/// value it compares to when there is one), or a dashboard control (<c>control</c>), against a data view.
/// </summary>
public sealed record FieldUse(SavedObject Owner, string DataViewId, string Field, string Operation, string? Value = null)
{
    public override string ToString() => $"{Owner.Id}: {Operation}({Field}{(Value is null ? "" : " = " + Value)}) on {DataViewId}";
}

/// <summary>Finds every field the Lens visualizations and dashboard controls in kibana/ use.</summary>
public static partial class FieldUses
{
    public const string Records = "___records___";

    public static IReadOnlyList<FieldUse> All { get; } = [.. SavedObjects.OfType("lens").SelectMany(OfLens), .. SavedObjects.OfType("dashboard").SelectMany(OfControls)];

    public static IEnumerable<FieldUse> OfLens(SavedObject lens)
    {
        var state = lens.Attributes["state"]!;
        foreach (var (layerId, layer) in state["datasourceStates"]!["formBased"]!["layers"]!.AsObject())
        {
            var dataView = lens.References.Single(r => r.Name == $"indexpattern-datasource-layer-{layerId}").Id;
            foreach (var (_, column) in layer!["columns"]!.AsObject())
            {
                var operation = (string)column!["operationType"]!;
                if ((string?)column["sourceField"] is { } field && field != Records)
                {
                    yield return new FieldUse(lens, dataView, field, operation);
                }
                foreach (var use in Kql(lens, dataView, (string?)column["filter"]?["query"]))
                {
                    yield return use;
                }
                foreach (var filter in column["params"]?["filters"]?.AsArray() ?? [])
                {
                    foreach (var use in Kql(lens, dataView, (string?)filter!["input"]!["query"]))
                    {
                        yield return use;
                    }
                }
            }
            foreach (var use in Kql(lens, dataView, (string?)state["query"]?["query"]))
            {
                yield return use;
            }
            foreach (var filter in state["filters"]?.AsArray() ?? [])
            {
                yield return new FieldUse(lens, dataView, (string)filter!["meta"]!["key"]!, "kql");
            }
        }
    }

    public static IEnumerable<FieldUse> OfControls(SavedObject dashboard)
    {
        if (dashboard.Attributes["controlGroupInput"]?["panelsJSON"] is not { } panelsJson)
        {
            yield break;
        }
        foreach (var (id, control) in JsonNode.Parse((string)panelsJson!)!.AsObject())
        {
            var dataView = dashboard.References.Single(r => r.Name.StartsWith($"controlGroup_{id}:", StringComparison.Ordinal)).Id;
            yield return new FieldUse(dashboard, dataView, (string)control!["explicitInput"]!["fieldName"]!, "control");
        }
    }

    /// <summary>
    /// The fields of a KQL query: every name before <c>:</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c> or <c>&gt;=</c>,
    /// with the single value it is compared to (quoted or bare). Our queries use no nested-field syntax.
    /// </summary>
    public static IEnumerable<FieldUse> Kql(SavedObject owner, string dataView, string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : Comparison().Matches(query).Select(m => new FieldUse(owner, dataView, m.Groups["field"].Value, "kql",
                m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Success ? m.Groups["bare"].Value : null));

    [GeneratedRegex("""(?<field>[A-Za-z_@][\w.@]*)\s*(?::|<=|>=|<|>)\s*(?:"(?<quoted>[^"]*)"|(?<bare>[^\s()"]+)|\()""")]
    private static partial Regex Comparison();
}
