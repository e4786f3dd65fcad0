using FoodFast.Analytics.UnitTests.Deployment;

namespace FoodFast.Analytics.UnitTests.Kibana;

/// <summary>
/// Without migration versions Kibana runs every migration from the start and old Lens migrations fail on modern
/// objects; a version newer than the running Kibana is rejected. These are the versions of Kibana's own 8.x exports.
/// </summary>
public sealed class MigrationVersionTests
{
    private static readonly Version PinnedKibana = Version.Parse(RepoFile.EnvFile(".env.example")["ELASTIC_VERSION"]);

    [Fact]
    public void Every_object_carries_the_migration_versions_of_its_type()
    {
        var expected = new Dictionary<string, string> { ["index-pattern"] = "8.0.0", ["lens"] = "8.9.0", ["visualization"] = "7.14.0", ["dashboard"] = "8.7.0" };

        Assert.All(SavedObjects.All, o =>
        {
            Assert.Equal(expected[o.Type], (string?)o.Json["typeMigrationVersion"]);
            Assert.Equal("8.8.0", (string?)o.Json["coreMigrationVersion"]);
            Assert.False((bool)o.Json["managed"]!);
        });
    }

    [Fact]
    public void No_version_is_newer_than_the_Kibana_the_compose_file_pins()
    {
        var panelVersions = SavedObjects.OfType("dashboard")
            .SelectMany(d => d.StringifiedAttribute("panelsJSON")!.AsArray().Select(p => (string)p!["version"]!));
        var versions = SavedObjects.All.Select(o => (string)o.Json["typeMigrationVersion"]!).Concat(panelVersions).Select(Version.Parse);

        Assert.Equal(new Version(8, 15, 3), PinnedKibana);
        Assert.All(versions, v => Assert.True(v <= PinnedKibana, $"{v} is newer than Kibana {PinnedKibana}"));
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
