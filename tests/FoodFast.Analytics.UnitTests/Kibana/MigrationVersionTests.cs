using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// Kibana migrates an imported object from its <c>typeMigrationVersion</c> on, so each must name the shape the object
/// is written in; without one every migration runs from the start and old Lens migrations fail on modern objects, and
/// one newer than the running Kibana is rejected. Kibana 9 imports exports of 8.x (the next major) and of 9.x: the file
/// is written as an 8.x export, and Kibana 9 still registers every legacy migration after these versions, then its
/// model versions (the Kibana sources checked are named in the first test).
/// </summary>
public sealed class MigrationVersionTests
{
    private static readonly Version PinnedKibana = Version.Parse(RepoFile.EnvFile(".env.example")["ELASTIC_VERSION"]);

    [Fact]
    public void Every_object_carries_the_migration_versions_of_its_type()
    {
        // elastic/kibana, Kibana 9:
        // index-pattern: src/platform/plugins/shared/data_views/server/saved_objects/data_views.ts, no model versions;
        //   its last migration is convertToMultiNamespaceTypeVersion 8.0.0 (index_pattern_migrations.ts ends at 7.11.0).
        // lens: x-pack/platform/plugins/shared/lens/server/saved_objects.ts, legacy migrations up to 8.9.0 (the metric
        //   formatter one), then model versions.
        // visualization: src/platform/plugins/shared/visualizations/server/saved_objects/visualization.ts, no model
        //   versions; visualization_saved_object_migrations.ts ends at 8.5.0.
        // dashboard: src/platform/plugins/shared/dashboard/server/dashboard_saved_object/dashboard_saved_object.ts;
        //   its own legacy migrations end at 7.17.3, the later ones (migrations/dashboard_saved_object_migrations.ts)
        //   touch by-value panels only (these are by reference), the model versions only add mappings, and the
        //   attributes pass every model version's create schema (schema/v1..v4).
        // coreMigrationVersion: src/core/packages/saved-objects/migration-server-internal/src/document_migrator/
        //   migrations/index.ts, whose only (and last) core migration is 8.8.0.
        var expected = new Dictionary<string, string> { ["index-pattern"] = "8.0.0", ["lens"] = "8.9.0", ["visualization"] = "8.5.0", ["dashboard"] = "8.7.0" };

        Assert.All(SavedObjects.All, o =>
        {
            Assert.Equal(expected[o.Type], (string?)o.Json["typeMigrationVersion"]);
            Assert.Equal("8.8.0", (string?)o.Json["coreMigrationVersion"]);
            Assert.False((bool)o.Json["managed"]!);
        });
    }

    [Fact]
    public void Every_version_is_an_8_x_one_Kibana_9_imports_and_none_is_newer_than_the_pinned_Kibana()
    {
        var panelVersions = SavedObjects.OfType("dashboard")
            .SelectMany(d => d.StringifiedAttribute("panelsJSON")!.AsArray().Select(p => (string)p!["version"]!));
        var versions = SavedObjects.All.Select(o => (string)o.Json["typeMigrationVersion"]!).Concat(panelVersions).Select(Version.Parse).ToList();

        Assert.Equal(9, PinnedKibana.Major);
        Assert.All(versions, v => Assert.True(v.Major == 8 && v <= PinnedKibana, $"{v} is not an 8.x version Kibana {PinnedKibana} imports"));
        Assert.All(panelVersions, v => Assert.Equal("8.15.0", v));
    }

    [Fact]
    public void Objects_leave_out_what_an_export_strips()
    {
        Assert.All(SavedObjects.All, o => Assert.Equal(
            ["attributes", "coreMigrationVersion", "id", "managed", "references", "type", "typeMigrationVersion"],
            o.Json.Select(p => p.Key).Order(StringComparer.Ordinal)));
    }
}
