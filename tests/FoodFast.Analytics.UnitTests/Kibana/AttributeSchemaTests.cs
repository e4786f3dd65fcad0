using System.Text.Json;
using System.Text.Json.Nodes;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// Kibana 9 validates an imported object's attributes against its type's schema and refuses unknown keys, so every
/// attribute here must be one that schema names. The key lists come from the Kibana 9 sources (elastic/kibana).
/// </summary>
public sealed class AttributeSchemaTests
{
    // src/platform/plugins/shared/dashboard/server/dashboard_saved_object/schema/v1/v1.ts (unknowns: 'forbid'), plus
    // what v2 (controlGroupInput.showApplySelections), v3 (sections) and v4 (projectRouting) add.
    private static readonly string[] Dashboard = ["title", "description", "kibanaSavedObjectMeta", "timeRestore", "timeFrom", "timeTo", "refreshInterval",
        "controlGroupInput", "panelsJSON", "optionsJSON", "hits", "version", "sections", "projectRouting"];

    private static readonly string[] RefreshInterval = ["pause", "value", "display", "section"];

    private static readonly string[] ControlGroupInput = ["panelsJSON", "controlStyle", "chainingSystem", "ignoreParentSettingsJSON", "showApplySelections"];

    // x-pack/platform/plugins/shared/lens/server/content_management/v1/schema/common.ts, lensItemAttributesSchema.
    private static readonly string[] Lens = ["title", "description", "visualizationType", "state", "version"];

    // src/platform/plugins/shared/visualizations/server/saved_objects/visualization.ts, schemas['8.8.0'].
    private static readonly string[] Visualization = ["title", "description", "version", "kibanaSavedObjectMeta", "uiStateJSON", "visState", "savedSearchRefName"];

    [Fact]
    public void Dashboards_use_only_the_attributes_of_Kibanas_dashboard_schema()
    {
        Assert.All(SavedObjects.OfType("dashboard"), d =>
        {
            AssertKeysWithin(d.Attributes, Dashboard, d);
            AssertKeysWithin(d.Attributes["refreshInterval"]!.AsObject(), RefreshInterval, d);
            AssertKeysWithin(d.Attributes["controlGroupInput"]!.AsObject(), ControlGroupInput, d);
            Assert.Contains(d.Attributes["refreshInterval"]!["pause"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Equal(JsonValueKind.Number, d.Attributes["refreshInterval"]!["value"]!.GetValueKind());
        });
    }

    [Fact]
    public void Lens_and_visualization_objects_use_only_the_attributes_of_their_schemas()
    {
        Assert.All(SavedObjects.OfType("lens"), l => AssertKeysWithin(l.Attributes, Lens, l));
        Assert.All(SavedObjects.OfType("visualization"), v => AssertKeysWithin(v.Attributes, Visualization, v));
    }

    private static void AssertKeysWithin(JsonObject attributes, string[] allowed, SavedObject owner)
    {
        Assert.False(string.IsNullOrEmpty((string?)owner.Attributes["title"]), $"{owner}: title is required");
        var unknown = attributes.Select(p => p.Key).Except(allowed, StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"{owner}: Kibana 9 refuses the attributes {string.Join(", ", unknown)}");
    }
}
