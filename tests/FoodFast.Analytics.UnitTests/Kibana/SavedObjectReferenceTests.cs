using System.Text.Json.Nodes;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>The saved objects in kibana/ hang together: ids, references and the names Kibana expects for them.</summary>
public sealed class SavedObjectReferenceTests
{
    [Fact]
    public void The_folder_holds_the_data_views_visualizations_and_two_dashboards()
    {
        var counts = SavedObjects.All.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["index-pattern"] = 3, ["lens"] = 14, ["visualization"] = 1, ["dashboard"] = 2 }, counts);
        Assert.Equal(SavedObjects.All.Count, SavedObjects.All.Select(o => (o.Type, o.Id)).Distinct().Count());
    }

    [Fact]
    public void Every_reference_resolves_to_an_object_in_the_folder()
    {
        var known = SavedObjects.All.Select(o => (o.Type, o.Id)).ToHashSet();

        var dangling = SavedObjects.All.SelectMany(o => o.References.Where(r => !known.Contains((r.Type, r.Id))).Select(r => $"{o} -> {r}"));

        Assert.Empty(dangling);
    }

    [Fact]
    public void Each_lens_layer_has_exactly_its_data_view_reference()
    {
        foreach (var lens in SavedObjects.OfType("lens"))
        {
            var layers = lens.Attributes["state"]!["datasourceStates"]!["formBased"]!["layers"]!.AsObject().Select(l => l.Key);

            var expected = layers.Select(id => $"indexpattern-datasource-layer-{id}").Order(StringComparer.Ordinal);

            Assert.Equal(expected, lens.References.Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.All(lens.References, r => Assert.Equal("index-pattern", r.Type));
        }
    }

    [Fact]
    public void Lens_accessors_name_columns_of_their_layer()
    {
        foreach (var lens in SavedObjects.OfType("lens"))
        {
            var state = lens.Attributes["state"]!;
            var columns = state["datasourceStates"]!["formBased"]!["layers"]!.AsObject()
                .SelectMany(l => l.Value!["columns"]!.AsObject().Select(c => c.Key)).ToHashSet(StringComparer.Ordinal);
            var visualization = state["visualization"]!;
            var layers = visualization["layers"]?.AsArray().Select(l => l!) ?? [visualization];

            var accessors = layers.SelectMany(Accessors).ToList();

            Assert.NotEmpty(accessors);
            Assert.All(accessors, a => Assert.True(columns.Contains(a), $"{lens}: accessor {a} is not a column"));
            Assert.All(layers, l => Assert.Equal("data", (string?)l["layerType"]));
        }
    }

    [Fact]
    public void Dashboard_panels_reference_objects_under_Kibanas_names_and_fit_the_grid()
    {
        foreach (var dashboard in SavedObjects.OfType("dashboard"))
        {
            var panels = dashboard.StringifiedAttribute("panelsJSON")!.AsArray().Select(p => p!).ToList();
            foreach (var panel in panels)
            {
                var index = (string)panel["panelIndex"]!;
                var grid = panel["gridData"]!;
                Assert.Equal(index, (string?)grid["i"]);
                Assert.Equal($"panel_{index}", (string?)panel["panelRefName"]);
                Assert.True((int)grid["x"]! + (int)grid["w"]! <= 48, $"{dashboard}: panel {index} is wider than the 48-column grid");
                var reference = Assert.Single(dashboard.References, r => r.Name == $"{index}:panel_{index}");
                Assert.Equal((string)panel["type"]!, reference.Type);
            }
            var panelReferences = dashboard.References.Where(r => r.Name.Contains(":panel_", StringComparison.Ordinal));
            Assert.Equal(panels.Count, panelReferences.Count());
            var cells = panels.SelectMany(p => Cells(p["gridData"]!)).ToList();
            Assert.True(cells.Count == cells.Distinct().Count(), $"{dashboard}: panels overlap");
        }
    }

    [Fact]
    public void Dashboard_controls_reference_their_data_view()
    {
        foreach (var dashboard in SavedObjects.OfType("dashboard"))
        {
            var controls = JsonNode.Parse((string)dashboard.Attributes["controlGroupInput"]!["panelsJSON"]!)!.AsObject();

            var expected = controls.Select(c => $"controlGroup_{c.Key}:optionsListDataView").Order(StringComparer.Ordinal);

            Assert.Equal(expected, dashboard.References.Where(r => r.Name.StartsWith("controlGroup_", StringComparison.Ordinal)).Select(r => r.Name).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("ff-sales-overview", "FoodFast Sales Overview", new[] { "About these figures", "Revenue by currency", "Orders", "Average order value by currency",
        "Revenue over time by currency", "Orders by status", "Revenue by category and currency", "Top products by units sold",
        "Revenue by country and currency", "Orders by payment method" }, new[] { "Shop", "Currency" })]
    [InlineData("ff-customer-activity", "FoodFast Customer Activity", new[] { "Events over time by type", "Funnel steps", "Sessions and events by device",
        "Top searches", "Zero-result searches" }, new[] { "Shop", "Device" })]
    public void Dashboards_show_the_planned_panels_and_controls(string id, string title, string[] panelTitles, string[] controlTitles)
    {
        var dashboard = SavedObjects.Get("dashboard", id);
        var panelIndexes = dashboard.StringifiedAttribute("panelsJSON")!.AsArray().Select(p => (string)p!["panelIndex"]!);

        var shown = panelIndexes.Select(i => dashboard.References.Single(r => r.Name == $"{i}:panel_{i}"))
            .Select(r => (string)SavedObjects.Get(r.Type, r.Id).Attributes["title"]!);
        var controls = JsonNode.Parse((string)dashboard.Attributes["controlGroupInput"]!["panelsJSON"]!)!.AsObject()
            .OrderBy(c => (int)c.Value!["order"]!).Select(c => (string)c.Value!["explicitInput"]!["title"]!);

        Assert.Equal(title, (string?)dashboard.Attributes["title"]);
        Assert.Equal(panelTitles, shown);
        Assert.Equal(controlTitles, controls);
    }

    private static IEnumerable<(int X, int Y)> Cells(JsonNode grid) =>
        from x in Enumerable.Range((int)grid["x"]!, (int)grid["w"]!)
        from y in Enumerable.Range((int)grid["y"]!, (int)grid["h"]!)
        select (x, y);

    private static IEnumerable<string> Accessors(JsonNode layer)
    {
        foreach (var single in new[] { "xAccessor", "splitAccessor", "metricAccessor", "breakdownByAccessor" })
        {
            if ((string?)layer[single] is { } accessor)
            {
                yield return accessor;
            }
        }
        foreach (var accessor in layer["accessors"]?.AsArray() ?? [])
        {
            yield return (string)accessor!;
        }
    }
}
